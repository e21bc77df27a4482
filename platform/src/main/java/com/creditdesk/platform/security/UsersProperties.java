package com.creditdesk.platform.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;

/**
 * Users for HTTP Basic. Passwords are stored encoded with an id prefix ({@code {bcrypt}…}); only the
 * standalone profile's demo users use {@code {noop}}. There are no users by default.
 */
@ConfigurationProperties("creditdesk.security")
public record UsersProperties(List<User> users) {

    public UsersProperties {
        users = users == null ? List.of() : List.copyOf(users);
    }

    public record User(String username, String password, List<String> roles) {
    }
}

package com.creditdesk.platform.letters;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who writes the letters ({@code creditdesk.company}): printed at the head of every letter on paper. Lines left
 * empty are left out.
 */
@ConfigurationProperties("creditdesk.company")
public record CompanySettings(@DefaultValue("Credit Desk") String name, @DefaultValue("") String address,
                              @DefaultValue("") String vatNumber, @DefaultValue("") String iban,
                              @DefaultValue("") String email) {
}

package com.creditdesk.command.account;

import com.creditdesk.command.intake.IntakeType;
import com.creditdesk.command.intake.IntakeType.Needs;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Accounts opened as messages, as over HTTP. */
@Configuration(proxyBeanMethods = false)
class AccountIntake {
    @Bean
    IntakeType<AccountController.OpenAccountRequest> openAccountIntake(AccountController accounts) {
        return new IntakeType<>("OPEN_ACCOUNT", AccountController.OpenAccountRequest.class, Needs.NOTHING, 201,
                (message, body, actor) -> accounts.open(body, actor));
    }
}

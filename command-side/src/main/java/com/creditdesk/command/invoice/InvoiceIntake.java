package com.creditdesk.command.invoice;

import com.creditdesk.command.intake.IntakeType;
import com.creditdesk.command.intake.IntakeType.Needs;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Invoices issued as messages, as over HTTP. */
@Configuration(proxyBeanMethods = false)
class InvoiceIntake {
    @Bean
    IntakeType<InvoiceController.IssueInvoiceRequest> issueInvoiceIntake(InvoiceController invoices) {
        return new IntakeType<>("ISSUE_INVOICE", InvoiceController.IssueInvoiceRequest.class, Needs.CUSTOMER, 201,
                (message, body, actor) -> invoices.issue(message.customerId(), body, actor));
    }
}

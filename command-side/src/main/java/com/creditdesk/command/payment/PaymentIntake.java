package com.creditdesk.command.payment;

import com.creditdesk.command.intake.IntakeType;
import com.creditdesk.command.intake.IntakeType.Needs;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Payments registered as messages, as over HTTP. */
@Configuration(proxyBeanMethods = false)
class PaymentIntake {
    @Bean
    IntakeType<PaymentController.RegisterPaymentRequest> registerPaymentIntake(PaymentController payments) {
        return new IntakeType<>("REGISTER_PAYMENT", PaymentController.RegisterPaymentRequest.class, Needs.CUSTOMER,
                201, (message, body, actor) -> payments.register(message.customerId(), body, actor));
    }
}

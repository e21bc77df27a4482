package com.creditdesk.command.order;

import com.creditdesk.command.intake.IntakeType;
import com.creditdesk.command.intake.IntakeType.Needs;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Orders placed and cancelled as messages, as over HTTP. */
@Configuration(proxyBeanMethods = false)
class OrderIntake {
    @Bean
    IntakeType<OrderController.PlaceOrderRequest> placeOrderIntake(OrderController orders) {
        return new IntakeType<>("PLACE_ORDER", OrderController.PlaceOrderRequest.class, Needs.CUSTOMER, 201,
                (message, body, actor) -> orders.place(message.customerId(), body, actor));
    }

    @Bean
    IntakeType<OrderController.CancelRequest> cancelOrderIntake(OrderController orders) {
        return new IntakeType<>("CANCEL_ORDER", OrderController.CancelRequest.class, Needs.CUSTOMER_AND_ORDER, 200,
                (message, body, actor) -> orders.cancel(message.customerId(), message.orderId(), body, actor));
    }
}

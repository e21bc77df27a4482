package com.creditdesk.query.audit;

import com.creditdesk.api.order.BlockReason;
import com.creditdesk.api.order.CreditDecision;
import com.creditdesk.api.order.CreditPolicy;
import com.creditdesk.api.order.OrderEvents.OrderAccepted;
import com.creditdesk.api.order.OrderEvents.OrderBlocked;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Replays the credit decisions of a period under a changed policy: each order's recorded inputs
 * are judged again, and every order whose outcome would differ is listed with both sets of reasons.
 * The history is streamed; only the differences are kept. Read-only.
 *
 * <p>Each decision is judged on the inputs it had, so knock-on effects (an order blocked under the
 * new policy would not have added to the exposure later orders saw) are not simulated.
 */
@Component
public class PolicySimulation {
    private final EventHistory history;

    public PolicySimulation(EventHistory history) {
        this.history = history;
    }

    public record Difference(String orderId, String customerId, Instant at, String actual, String simulated,
                             List<BlockReason> actualReasons, List<BlockReason> reasons) {
    }

    /** {@code reproduced}: decisions whose recorded inputs give their recorded reasons under their own policy. */
    public record Result(long ordersEvaluated, long reproduced, CreditPolicy policy, List<Difference> differing) {
    }

    public Mono<Result> run(Instant from, Instant to, CreditPolicy policy) {
        return history.read(null, from, to)
                .filter(event -> event.getPayload() instanceof OrderAccepted || event.getPayload() instanceof OrderBlocked)
                .reduce(new Tally(), (tally, event) -> tally.add(event, policy))
                .map(tally -> new Result(tally.evaluated, tally.reproduced, policy, tally.differing));
    }

    private static final class Tally {
        long evaluated;
        long reproduced;
        final List<Difference> differing = new ArrayList<>();

        Tally add(TrackedEventMessage<?> event, CreditPolicy policy) {
            String orderId;
            String customerId;
            CreditDecision decision;
            List<BlockReason> actual;
            if (event.getPayload() instanceof OrderAccepted accepted) {
                orderId = accepted.orderId();
                customerId = accepted.customerId();
                decision = accepted.decision();
                actual = List.of();
            } else {
                OrderBlocked blocked = (OrderBlocked) event.getPayload();
                orderId = blocked.orderId();
                customerId = blocked.customerId();
                decision = blocked.decision();
                actual = blocked.reasons();
            }
            evaluated++;
            if (CreditPolicy.forVersion(decision.policyVersion()).reasonsFor(decision).equals(actual)) {
                reproduced++;
            }
            List<BlockReason> simulated = policy.reasonsFor(decision);
            if (simulated.isEmpty() != actual.isEmpty()) {
                differing.add(new Difference(orderId, customerId, event.getTimestamp(), outcome(actual),
                        outcome(simulated), actual, simulated));
            }
            return this;
        }

        private static String outcome(List<BlockReason> reasons) {
            return reasons.isEmpty() ? "ACCEPTED" : "BLOCKED";
        }
    }
}

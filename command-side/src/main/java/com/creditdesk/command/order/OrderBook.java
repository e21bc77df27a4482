package com.creditdesk.command.order;

import com.creditdesk.api.invoice.InvoiceEvents.InvoiceIssued;
import com.creditdesk.api.order.BlockReason;
import com.creditdesk.api.order.CreditDecision;
import com.creditdesk.api.order.CreditPolicy;
import com.creditdesk.api.order.OrderCommands.CancelOrder;
import com.creditdesk.api.order.OrderCommands.DecideRelease;
import com.creditdesk.api.order.OrderCommands.OrderPlacement;
import com.creditdesk.api.order.OrderCommands.PlaceOrder;
import com.creditdesk.api.order.OrderCommands.ReleaseOutcome;
import com.creditdesk.api.order.OrderCommands.RequestRelease;
import com.creditdesk.api.order.OrderEvents.BlockedOrderNowFits;
import com.creditdesk.api.order.OrderEvents.OrderAccepted;
import com.creditdesk.api.order.OrderEvents.OrderBlocked;
import com.creditdesk.api.order.OrderEvents.OrderCancelled;
import com.creditdesk.api.order.OrderEvents.OrderRejected;
import com.creditdesk.api.order.OrderEvents.OrderReleased;
import com.creditdesk.api.order.OrderEvents.ReleaseRequested;
import com.creditdesk.api.order.OrderStatus;
import com.creditdesk.api.order.ReleaseDecision;
import com.creditdesk.api.order.RoomMade;
import com.creditdesk.command.refusal.Refusal;
import com.creditdesk.command.refusal.Rule;
import com.fasterxml.jackson.annotation.JsonAutoDetect;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import static com.creditdesk.api.common.Amounts.same;

/**
 * The account's orders: placed under the credit policy, cancelled, and the release of a blocked order
 * with its four eyes (whoever asked may never decide). Decisions return the event to record or throw a
 * {@link Refusal}; {@link #evolve} is the only place that changes an order.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public final class OrderBook {
    private Map<String, OrderLine> orders = new HashMap<>();

    public OrderLine order(String orderId) {
        OrderLine order = orders.get(orderId);
        if (order == null) {
            throw Refusal.notFound("order", orderId);
        }
        return order;
    }

    /** Accepted and released orders not yet invoiced: what they add to the exposure. */
    public BigDecimal openAmount() {
        return orders.values().stream().filter(OrderLine::open).map(OrderLine::amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** Open orders accepted with room their group reserved: what the group must not count again beside them. */
    public List<String> openWithGroupReservation() {
        return orders.values().stream().filter(OrderLine::open).filter(order -> order.status() == OrderStatus.ACCEPTED
                        && order.decision() != null && order.decision().group() != null
                        && order.decision().group().reserved())
                .map(OrderLine::orderId).sorted().toList();
    }

    /** The same order sent again gets the first answer; the same id with other content is refused. */
    public Optional<OrderPlacement> repeated(PlaceOrder cmd) {
        OrderLine known = orders.get(cmd.orderId());
        if (known == null) {
            return Optional.empty();
        }
        if (!same(known.amount(), cmd.amount()) || !known.currency().equals(cmd.currency())
                || !Objects.equals(known.description(), cmd.description())) {
            throw Refusal.idConflict("order", cmd.orderId());
        }
        return Optional.of(placement(cmd.orderId()));
    }

    /** Accepted, or blocked with the policy's reasons; the decision keeps its inputs either way. */
    public Object place(PlaceOrder cmd, CreditDecision decision) {
        List<BlockReason> reasons = CreditPolicy.V1.reasonsFor(decision);
        return reasons.isEmpty()
                ? new OrderAccepted(cmd.customerId(), cmd.orderId(), cmd.amount(), cmd.currency(), cmd.description(),
                        decision, cmd.actor())
                : new OrderBlocked(cmd.customerId(), cmd.orderId(), cmd.amount(), cmd.currency(), cmd.description(),
                        reasons, decision, cmd.actor());
    }

    /** What the credit check answered, whatever happened to the order since. */
    public OrderPlacement placement(String orderId) {
        OrderLine order = order(orderId);
        OrderStatus checked = order.reasons().isEmpty() ? OrderStatus.ACCEPTED : OrderStatus.BLOCKED;
        return new OrderPlacement(orderId, checked, order.reasons(), order.decision());
    }

    /** Cancelling an order that is already cancelled records nothing; invoiced or rejected ones stay. */
    public List<Object> cancel(CancelOrder cmd) {
        OrderLine order = order(cmd.orderId());
        return switch (order.status()) {
            case CANCELLED -> List.of();
            case ACCEPTED, BLOCKED, RELEASED -> List.of(new OrderCancelled(cmd.customerId(), order.orderId(),
                    order.amount(), order.status(), cmd.reason(), cmd.actor()));
            default -> throw Refusal.violated(Rule.ORDER_NOT_CANCELLABLE,
                    "order " + cmd.orderId() + " is " + order.status() + " and can no longer be cancelled");
        };
    }

    /** Sales asks for a release; asking again with the same words records nothing. */
    public List<Object> requestRelease(RequestRelease cmd) {
        OrderLine order = order(cmd.orderId());
        OrderLine.ReleaseRequest request = order.releaseRequest();
        if (request != null && request.requestedBy().equals(cmd.actor())
                && request.justification().equals(cmd.justification())
                && request.proposedMeasure() == cmd.proposedMeasure()) {
            return List.of();
        }
        if (order.status() != OrderStatus.BLOCKED) {
            throw Refusal.violated(Rule.ORDER_NOT_BLOCKED, "order " + cmd.orderId() + " is " + order.status()
                    + ": only a blocked order can be released");
        }
        if (request != null) {
            throw Refusal.violated(Rule.RELEASE_ALREADY_REQUESTED, "a release of order " + cmd.orderId()
                    + " was already requested by " + request.requestedBy() + " and waits for credit's decision");
        }
        return List.of(new ReleaseRequested(cmd.customerId(), order.orderId(), order.amount(), cmd.justification(),
                cmd.proposedMeasure(), cmd.actor()));
    }

    /** Credit releases or rejects a blocked order; the same decision again records nothing. */
    public List<Object> decideRelease(DecideRelease cmd) {
        OrderLine order = order(cmd.orderId());
        OrderStatus outcome = cmd.decision() == ReleaseDecision.RELEASE ? OrderStatus.RELEASED : OrderStatus.REJECTED;
        String requestedBy = order.releaseRequest() == null ? null : order.releaseRequest().requestedBy();
        if (cmd.actor().equals(requestedBy)) {
            throw Refusal.fourEyes(cmd.actor() + " asked for the release of order " + cmd.orderId()
                    + " and so may not decide on it: another credit controller decides");
        }
        if (order.status() == outcome) {
            return List.of();
        }
        if (order.status() != OrderStatus.BLOCKED) {
            throw Refusal.violated(Rule.ORDER_NOT_BLOCKED, "order " + cmd.orderId() + " is " + order.status()
                    + ": only a blocked order can be released or rejected");
        }
        return List.of(outcome == OrderStatus.RELEASED
                ? new OrderReleased(cmd.customerId(), order.orderId(), order.amount(), cmd.note(), cmd.conditions(),
                        requestedBy, cmd.actor())
                : new OrderRejected(cmd.customerId(), order.orderId(), order.amount(), cmd.note(), requestedBy,
                        cmd.actor()));
    }

    public ReleaseOutcome releaseOutcome(String orderId) {
        return new ReleaseOutcome(orderId, order(orderId).status());
    }

    /**
     * A second look once something made room: every blocked order the credit check would now pass, and not
     * flagged before, is flagged with the check's new inputs. Nothing is released: credit decides, in one step.
     */
    public List<Object> secondLook(String customerId, Function<BigDecimal, CreditDecision> check, RoomMade cause,
                                   String reference) {
        List<Object> events = new ArrayList<>();
        orders.values().stream().filter(order -> order.status() == OrderStatus.BLOCKED && !order.nowFits())
                .sorted(Comparator.comparing(OrderLine::orderId)).forEach(order -> {
                    CreditDecision decision = check.apply(order.amount());
                    if (CreditPolicy.V1.reasonsFor(decision).isEmpty()) {
                        events.add(new BlockedOrderNowFits(customerId, order.orderId(), order.amount(), decision,
                                cause, reference));
                    }
                });
        return events;
    }

    /** Only accepted or released orders are invoiced. */
    public void requireInvoiceable(String orderId) {
        OrderLine order = order(orderId);
        if (!order.open()) {
            throw Refusal.violated(Rule.ORDER_NOT_INVOICEABLE, "order " + orderId + " is " + order.status()
                    + ": only accepted or released orders can be invoiced");
        }
    }

    /** Takes what concerns orders from any event of the account. */
    public void evolve(Object event) {
        if (event instanceof OrderAccepted e) {
            orders.put(e.orderId(), new OrderLine(e.orderId(), e.amount(), e.currency(), e.description(),
                    OrderStatus.ACCEPTED, List.of(), e.decision(), null, false));
        } else if (event instanceof OrderBlocked e) {
            orders.put(e.orderId(), new OrderLine(e.orderId(), e.amount(), e.currency(), e.description(),
                    OrderStatus.BLOCKED, e.reasons(), e.decision(), null, false));
        } else if (event instanceof OrderCancelled e) {
            change(e.orderId(), order -> order.withStatus(OrderStatus.CANCELLED));
        } else if (event instanceof ReleaseRequested e) {
            change(e.orderId(), order -> order.withReleaseRequest(
                    new OrderLine.ReleaseRequest(e.justification(), e.proposedMeasure(), e.actor())));
        } else if (event instanceof OrderReleased e) {
            change(e.orderId(), order -> order.withStatus(OrderStatus.RELEASED));
        } else if (event instanceof OrderRejected e) {
            change(e.orderId(), order -> order.withStatus(OrderStatus.REJECTED));
        } else if (event instanceof BlockedOrderNowFits e) {
            change(e.orderId(), OrderLine::fittingNow);
        } else if (event instanceof InvoiceIssued e && e.orderId() != null) {
            change(e.orderId(), order -> order.withStatus(OrderStatus.INVOICED));
        }
    }

    private void change(String orderId, UnaryOperator<OrderLine> transition) {
        orders.computeIfPresent(orderId, (id, order) -> transition.apply(order));
    }
}

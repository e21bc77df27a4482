package com.creditdesk.command.account;

import com.creditdesk.api.account.AccountCommands.RegisterSecurity;
import com.creditdesk.api.account.AccountEvents.AccountPutOnHold;
import com.creditdesk.api.account.AccountEvents.CreditLimitSet;
import com.creditdesk.api.account.AccountEvents.HoldLifted;
import com.creditdesk.api.account.AccountEvents.LimitExceeded;
import com.creditdesk.api.account.AccountEvents.SecurityRegistered;
import com.creditdesk.api.account.CreditFigures;
import com.creditdesk.api.account.CreditLimits;
import com.creditdesk.api.account.LimitSource;
import com.creditdesk.command.invoice.OpenInvoice;
import com.creditdesk.command.refusal.Refusal;
import com.fasterxml.jackson.annotation.JsonAutoDetect;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static com.creditdesk.api.common.Amounts.same;

/** What the account may owe: the two limits, the securities beside them, and a hold. */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
final class CreditPosition {
    private BigDecimal analystLimit;
    private BigDecimal insurerLimit;
    private boolean onHold;
    private Map<String, SecurityLine> securities = new LinkedHashMap<>();

    BigDecimal effectiveLimit() {
        return CreditLimits.effective(analystLimit, insurerLimit);
    }

    BigDecimal activeSecurities(LocalDate today) {
        return CreditFigures.activeSecurities(securities.values(), today);
    }

    CreditFigures figures(LocalDate today, BigDecimal openOrders, Collection<OpenInvoice> invoices) {
        return CreditFigures.on(today, analystLimit, insurerLimit, securities.values(), openOrders, invoices);
    }

    boolean onHold() {
        return onHold;
    }

    /** A lowered limit that leaves the exposure above limit plus securities also records LimitExceeded. */
    List<Object> setLimit(String customerId, BigDecimal amount, LimitSource source, String reason,
                          LocalDate reviewDate, String actor, BigDecimal exposure, LocalDate today) {
        BigDecimal before = effectiveLimit();
        BigDecimal after = CreditLimits.effective(source == LimitSource.ANALYST ? amount : analystLimit,
                source == LimitSource.INSURER ? amount : insurerLimit);
        List<Object> events = new ArrayList<>();
        events.add(new CreditLimitSet(customerId, amount, source, reason, reviewDate, before, after, actor));
        BigDecimal securitiesValue = activeSecurities(today);
        if (after.compareTo(before) < 0 && exposure.compareTo(after.add(securitiesValue)) > 0) {
            events.add(limitExceeded(customerId, null, after, securitiesValue, exposure, BigDecimal.ZERO, actor));
        }
        return events;
    }

    /** How far an order (or a lowered limit, with no order) takes the exposure beyond limit plus securities. */
    static LimitExceeded limitExceeded(String customerId, String orderId, BigDecimal limit, BigDecimal securities,
                                       BigDecimal exposureBefore, BigDecimal orderAmount, String actor) {
        BigDecimal shortfall = exposureBefore.add(orderAmount).subtract(limit.add(securities));
        return new LimitExceeded(customerId, orderId, limit, securities, exposureBefore, orderAmount, shortfall, actor);
    }

    /** The same security sent again changes nothing; the same id with other content is refused. */
    List<Object> register(RegisterSecurity cmd) {
        SecurityLine known = securities.get(cmd.securityId());
        if (known == null) {
            return List.of(new SecurityRegistered(cmd.customerId(), cmd.securityId(), cmd.type(), cmd.amount(),
                    cmd.validUntil(), cmd.actor()));
        }
        if (known.type() != cmd.type() || !same(known.amount(), cmd.amount())
                || !Objects.equals(known.validUntil(), cmd.validUntil())) {
            throw Refusal.idConflict("security", cmd.securityId());
        }
        return List.of();
    }

    /** Putting an account on hold that already is records nothing. */
    List<Object> putOnHold(String customerId, String reason, String actor) {
        return onHold ? List.of() : List.of(new AccountPutOnHold(customerId, reason, actor));
    }

    /** Lifting a hold that is not there records nothing. */
    List<Object> liftHold(String customerId, String reason, String actor) {
        return onHold ? List.of(new HoldLifted(customerId, reason, actor)) : List.of();
    }

    void evolve(Object event) {
        if (event instanceof CreditLimitSet e && e.source() == LimitSource.ANALYST) {
            analystLimit = e.amount();
        } else if (event instanceof CreditLimitSet e) {
            insurerLimit = e.amount();
        } else if (event instanceof SecurityRegistered e) {
            securities.put(e.securityId(), new SecurityLine(e.securityId(), e.type(), e.amount(), e.validUntil()));
        } else if (event instanceof AccountPutOnHold) {
            onHold = true;
        } else if (event instanceof HoldLifted) {
            onHold = false;
        }
    }
}

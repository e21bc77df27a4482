package com.creditdesk.command.account;

import com.creditdesk.api.account.AccountCommands.RegisterSecurity;
import com.creditdesk.api.account.AccountEvents.LimitExceeded;
import com.creditdesk.api.account.LimitSource;
import com.creditdesk.api.account.SecurityType;
import com.creditdesk.command.refusal.Refusal;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The credit position on its own: two limit sources, securities with an end date, and the shortfall. */
class CreditPositionTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 1);
    private final CreditPosition credit = new CreditPosition();

    @Test
    void aLimitLoweredBelowTheExposureRecordsTheShortfallBeyondLimitAndSecurities() {
        limit("10000", LimitSource.ANALYST, "0");
        evolved(credit.register(new RegisterSecurity("C-1", "G-1", SecurityType.BANK_GUARANTEE,
                new BigDecimal("1000"), TODAY, "credit1")));

        List<Object> events = limit("4000", LimitSource.INSURER, "7000");
        assertThat(events).hasSize(2).last().isInstanceOfSatisfying(LimitExceeded.class, exceeded -> {
            assertThat(exceeded.effectiveLimit()).isEqualByComparingTo("4000");
            assertThat(exceeded.activeSecurities()).isEqualByComparingTo("1000");
            assertThat(exceeded.excess()).isEqualByComparingTo("2000");
        });
        assertThat(credit.effectiveLimit()).isEqualByComparingTo("4000");
        assertThat(credit.activeSecurities(TODAY.plusDays(1))).as("after its last valid day").isZero();
    }

    @Test
    void raisingALimitNeverRecordsAShortfallAndAHoldIsRecordedOnce() {
        assertThat(limit("500", LimitSource.ANALYST, "9000")).as("from 0 up").hasSize(1);
        assertThat(evolved(credit.putOnHold("C-1", "collection", "credit1"))).hasSize(1);
        assertThat(credit.onHold()).isTrue();
        assertThat(credit.putOnHold("C-1", "again", "credit1")).isEmpty();
        assertThat(evolved(credit.liftHold("C-1", "paid", "credit1"))).hasSize(1);
        assertThat(credit.liftHold("C-1", "again", "credit1")).isEmpty();
    }

    @Test
    void aSecuritySentAgainRecordsNothingAndOtherContentUnderItsIdIsRefused() {
        RegisterSecurity guarantee = new RegisterSecurity("C-1", "G-1", SecurityType.BANK_GUARANTEE,
                new BigDecimal("1000"), null, "credit1");
        evolved(credit.register(guarantee));
        assertThat(credit.register(guarantee)).isEmpty();
        assertThatThrownBy(() -> credit.register(new RegisterSecurity("C-1", "G-1", SecurityType.BANK_GUARANTEE,
                new BigDecimal("2000"), null, "credit1"))).isInstanceOf(Refusal.Violated.class);
    }

    private List<Object> limit(String amount, LimitSource source, String exposure) {
        return evolved(credit.setLimit("C-1", new BigDecimal(amount), source, "annual review", null, "credit1",
                new BigDecimal(exposure), TODAY));
    }

    private List<Object> evolved(List<Object> events) {
        events.forEach(credit::evolve);
        return events;
    }
}

package com.creditdesk.command.signal;

import com.creditdesk.api.signal.ReviewOutcome;
import com.creditdesk.api.signal.Severity;
import com.creditdesk.api.signal.SignalCategory;
import com.creditdesk.api.signal.SignalCommands.ConcludeReview;
import com.creditdesk.api.signal.SignalCommands.ReportSalesSignal;
import com.creditdesk.api.signal.SignalEvents.CreditReviewOpened;
import com.creditdesk.command.refusal.Refusal;
import com.creditdesk.command.refusal.Rule;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Signals and reviews on their own: which signals open a review, one review at a time. */
class ReviewLedgerTest {
    private static final LocalDate DAY = LocalDate.of(2026, 3, 1);
    private final ReviewLedger ledger = new ReviewLedger();

    @Test
    void aSecondMediumSignalWithinNinetyDaysOpensAReviewNamingBoth() {
        report("S-1", Severity.MEDIUM, DAY.minusDays(90), "sales1");
        assertThat(ledger.reviewOpen()).isFalse();
        List<Object> events = report("S-2", Severity.MEDIUM, DAY, "sales2");
        assertThat(events.get(1)).isInstanceOfSatisfying(CreditReviewOpened.class, opened -> {
            assertThat(opened.reviewId()).isEqualTo("C-1-R1");
            assertThat(opened.signalIds()).containsExactly("S-1", "S-2");
            assertThat(opened.reportedBy()).containsExactly("sales1", "sales2");
        });
        assertThat(ledger.report("S-2").reviewOpened()).isTrue();
        assertThat(ledger.report("S-1").reviewOpened()).isFalse();
    }

    @Test
    void whileAReviewIsOpenSignalsAreRecordedWithoutOpeningAnother() {
        report("S-1", Severity.HIGH, DAY, "sales1");
        assertThat(report("S-2", Severity.HIGH, DAY, "sales1")).hasSize(1);
        ledger.evolve(ledger.conclude(new ConcludeReview("C-1", ReviewOutcome.NO_CHANGE, "visited: all fine", null,
                "credit1")));
        assertThat(ledger.reviewOpen()).isFalse();
        assertThat(report("S-3", Severity.HIGH, DAY, "sales1").get(1)).isInstanceOfSatisfying(
                CreditReviewOpened.class, opened -> assertThat(opened.reviewId()).isEqualTo("C-1-R2"));
    }

    @Test
    void withoutAnOpenReviewThereIsNothingToConclude() {
        assertThatThrownBy(() -> ledger.conclude(new ConcludeReview("C-1", ReviewOutcome.NO_CHANGE, "n/a", null,
                "credit1"))).isInstanceOfSatisfying(Refusal.Violated.class,
                refusal -> assertThat(refusal.rule()).isEqualTo(Rule.NO_OPEN_REVIEW));
        report("S-1", Severity.HIGH, DAY, "sales1");
        assertThatThrownBy(() -> ledger.conclude(new ConcludeReview("C-1", ReviewOutcome.LIMIT_CHANGED, "lower", null,
                "credit1"))).isInstanceOfSatisfying(Refusal.InvalidInput.class,
                refusal -> assertThat(refusal.field()).isEqualTo("newLimit"));
    }

    private List<Object> report(String signalId, Severity severity, LocalDate observedOn, String actor) {
        List<Object> events = ledger.report(new ReportSalesSignal("C-1", signalId, SignalCategory.PAYMENT_RUMOURS,
                severity, "heard at the wholesaler", observedOn, actor));
        events.forEach(ledger::evolve);
        return events;
    }
}

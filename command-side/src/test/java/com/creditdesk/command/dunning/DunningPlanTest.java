package com.creditdesk.command.dunning;

import com.creditdesk.api.account.Language;
import com.creditdesk.api.account.Segment;
import com.creditdesk.api.dunning.DunningEvents.DunningResumed;
import com.creditdesk.api.dunning.DunningEvents.DunningScheduled;
import com.creditdesk.api.dunning.DunningEvents.DunningStepReached;
import com.creditdesk.api.dunning.DunningEvents.PaymentPromiseBroken;
import com.creditdesk.api.dunning.DunningStep;
import com.creditdesk.command.invoice.OpenInvoice;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The dunning plan on its own: pure functions from an invoice and a day to the events of dunning. */
class DunningPlanTest {
    private static final LocalDate DUE = LocalDate.of(2026, 2, 1);
    private static final DunningPlan.Debtor DEBTOR = new DunningPlan.Debtor("C-1", Segment.SMB, Language.nl,
            "Bakkerij Peeters", "boekhouding@peeters.example", "sales1");
    private static final ReminderLetters LETTERS = new ReminderTemplates();

    @Test
    void aLateWakeUpRecordsEveryStepThatFellDueInOrderAndPlansTheNext() {
        // SMB: reminder 1 at +3, reminder 2 at +10, the call at +15
        List<Object> events = DunningPlan.advance(DEBTOR, invoice(), DUE.plusDays(12), LETTERS);
        assertThat(events).hasSize(3);
        assertThat(events.get(0)).isInstanceOfSatisfying(DunningStepReached.class, step -> {
            assertThat(step.step()).isEqualTo(DunningStep.REMINDER_1);
            assertThat(step.dueOn()).isEqualTo(DUE.plusDays(3));
            assertThat(step.daysPastDue()).isEqualTo(12);
            assertThat(step.message().to()).isEqualTo("boekhouding@peeters.example");
        });
        assertThat(events.get(1)).isInstanceOfSatisfying(DunningStepReached.class,
                step -> assertThat(step.step()).isEqualTo(DunningStep.REMINDER_2));
        assertThat(events.get(2)).isEqualTo(new DunningScheduled("C-1", "I-1", DunningStep.CALL, DUE.plusDays(15)));
    }

    @Test
    void theCallIsTheAccountManagersTaskAndNothingIsDueBeforeItsDay() {
        OpenInvoice afterReminders = invoice().stepReached(DunningStep.REMINDER_1).stepReached(DunningStep.REMINDER_2);
        assertThat(DunningPlan.advance(DEBTOR, afterReminders, DUE.plusDays(14), LETTERS)).isEmpty();
        assertThat(DunningPlan.advance(DEBTOR, afterReminders, DUE.plusDays(15), LETTERS).get(0))
                .isInstanceOfSatisfying(DunningStepReached.class, step -> {
                    assertThat(step.assignee()).isEqualTo("sales1");
                    assertThat(step.message()).isNull();
                });
    }

    @Test
    void aBrokenPromiseMovesStraightToTheNextStep() {
        OpenInvoice promised = new OpenInvoice("I-1", null, new BigDecimal("500"), "EUR", DUE.minusDays(30), DUE,
                false, new BigDecimal("500"), false, new OpenInvoice.Promise(DUE.plusDays(20), new BigDecimal("500"),
                DUE.plusDays(22), BigDecimal.ZERO), List.of(), false, null, null);
        assertThat(DunningPlan.advance(DEBTOR, promised, DUE.plusDays(22), LETTERS)).as("within the pause").isEmpty();

        List<Object> events = DunningPlan.advance(DEBTOR, promised, DUE.plusDays(23), LETTERS);
        assertThat(events.get(0)).isInstanceOf(PaymentPromiseBroken.class);
        assertThat(events.get(1)).isInstanceOfSatisfying(DunningStepReached.class, step -> {
            assertThat(step.step()).isEqualTo(DunningStep.REMINDER_1);
            assertThat(step.dueOn()).as("today, not its planned day").isEqualTo(DUE.plusDays(23));
        });
    }

    @Test
    void aResumedPauseMovesTheScheduleBackByTheDaysItHeldDunningUp() {
        OpenInvoice.Dunning pausedSince = new OpenInvoice.Dunning(null, 0, DUE.plusDays(1));
        OpenInvoice disputed = invoice(true, new BigDecimal("500"), pausedSince);
        OpenInvoice resolved = invoice(false, new BigDecimal("500"), pausedSince);
        List<Object> events = DunningPlan.resume(DEBTOR, resolved, "dispute rejected", DUE.plusDays(9));
        assertThat(events).containsExactly(new DunningResumed("C-1", "I-1", 8, "dispute rejected"),
                new DunningScheduled("C-1", "I-1", DunningStep.REMINDER_1, DUE.plusDays(3 + 8)));
        assertThat(DunningPlan.advance(DEBTOR, disputed, DUE.plusDays(30), LETTERS)).as("while disputed").isEmpty();
    }

    @Test
    void aPaidInvoiceHasNothingLeftToPlan() {
        OpenInvoice paid = invoice(false, BigDecimal.ZERO, null);
        assertThat(DunningPlan.planNext(DEBTOR, paid)).isEmpty();
        assertThat(DunningPlan.advance(DEBTOR, paid, DUE.plusDays(60), LETTERS)).isEmpty();
    }

    private static OpenInvoice invoice() {
        return invoice(false, new BigDecimal("500"), null);
    }

    private static OpenInvoice invoice(boolean disputed, BigDecimal balance, OpenInvoice.Dunning dunning) {
        return new OpenInvoice("I-1", null, new BigDecimal("500"), "EUR", DUE.minusDays(30), DUE, false, balance,
                disputed, null, List.of(), false, dunning, null);
    }
}

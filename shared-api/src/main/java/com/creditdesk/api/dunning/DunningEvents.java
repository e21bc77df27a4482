package com.creditdesk.api.dunning;

import com.creditdesk.api.account.Language;
import org.axonframework.serialization.Revision;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

public final class DunningEvents {
    private DunningEvents() {
    }

    /**
     * The family of dunning (plans, steps, pauses and broken promises):
     * sealed, so the compiler and the tests know every member.
     */
    public sealed interface DunningEvent {
        String customerId();
    }

    /**
     * The next moment dunning of the invoice looks again: {@code step} falls due on {@code dueOn}
     * unless the invoice is paid, paused or handed over by then. For an invoice under a promise it
     * is the day after the pause, when a broken promise moves dunning straight to {@code step}.
     */
    @Revision("1")
    public record DunningScheduled(String customerId, String invoiceId, DunningStep step, LocalDate dueOn)
            implements DunningEvent {
    }

    /**
     * A step of the agreed flow was reached. {@code assignee} is who acts on it (the account
     * manager for a CALL, {@code CREDIT} for credit's steps, null for the system's); {@code message}
     * is the reminder or notice sent to the customer, rendered for the segment and language.
     */
    @Revision("1")
    public record DunningStepReached(String customerId, String invoiceId, DunningStep step, LocalDate dueOn,
                                     long daysPastDue, BigDecimal balance, String currency, String assignee,
                                     Message message) implements DunningEvent {
    }

    /**
     * A rendered customer message; {@code to} is null when the account has no e-mail address. {@code
     * structuredCommunication} is the invoice's payment reference as printed ({@code +++123/4567/89012+++}), null for
     * invoices issued without one.
     */
    public record Message(Language language, String to, String subject, String body, String structuredCommunication) {
        public Message(Language language, String to, String subject, String body) {
            this(language, to, subject, body, null);
        }
    }

    /** Dunning of the invoice picks up again after a rejected dispute or a kept partial promise. */
    @Revision("1")
    public record DunningResumed(String customerId, String invoiceId, int pausedDays, String reason)
            implements DunningEvent {
    }

    /** The promised amount was not paid by the end of the pause: dunning moves straight to its next step. */
    @Revision("1")
    public record PaymentPromiseBroken(String customerId, String invoiceId, LocalDate promisedOn, BigDecimal amount,
                                       BigDecimal paid) implements DunningEvent {
    }

    /**
     * A courtesy call is planned for the invoice: on {@code callOn}, a few days before it falls due, the account
     * manager reminds the customer of the agreed terms. {@code reasons} are why this customer gets one.
     */
    @Revision("1")
    public record CourtesyCallScheduled(String customerId, String invoiceId, LocalDate callOn,
                                        List<CourtesyReason> reasons) implements DunningEvent {
        public CourtesyCallScheduled {
            reasons = List.copyOf(reasons);
        }
    }

    /** The day of a planned courtesy call has come: a task for {@code assignee} until it is made or the invoice paid. */
    @Revision("1")
    public record CourtesyCallDue(String customerId, String invoiceId, LocalDate dueDate, BigDecimal balance,
                                  String currency, String assignee, List<CourtesyReason> reasons)
            implements DunningEvent {
        public CourtesyCallDue {
            reasons = List.copyOf(reasons);
        }
    }

    /** The account manager made the courtesy call, with what was said. */
    @Revision("1")
    public record CourtesyCallMade(String customerId, String invoiceId, String note, String actor)
            implements DunningEvent {
    }
}

package com.creditdesk.query.letters;

import com.creditdesk.api.account.AccountQueries.FindAccount;
import com.creditdesk.api.account.AccountView;
import com.creditdesk.api.dunning.DunningEvents.DunningStepReached;
import com.creditdesk.api.dunning.DunningStep;
import com.creditdesk.api.invoice.InvoiceEvents.InvoiceHandedOver;
import com.creditdesk.api.invoice.InvoiceQueries.FindInvoice;
import com.creditdesk.api.invoice.InvoiceQueries.InvoiceView;
import com.creditdesk.api.timeline.TimelineQueries.GetTimeline;
import com.creditdesk.api.timeline.TimelineQueries.TimelineEntry;
import com.creditdesk.platform.letters.Letter;
import com.creditdesk.platform.letters.LetterPdf;
import com.creditdesk.query.account.AccountProjection;
import com.creditdesk.query.common.Documents;
import com.creditdesk.query.invoice.InvoiceProjection;
import com.creditdesk.query.timeline.TimelineProjection;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The letters on paper of an account, rendered when asked from what its timeline recorded: the formal notice from
 * its dunning step (the text the customer was sent), the hand-over letter from the hand-over. The same inputs make
 * the same letter as the one attached to the e-mail.
 */
@Component
public class Letters {
    private final TimelineProjection timeline;
    private final InvoiceProjection invoices;
    private final AccountProjection accounts;
    private final LetterPdf pdf;

    Letters(TimelineProjection timeline, InvoiceProjection invoices, AccountProjection accounts, LetterPdf pdf) {
        this.timeline = timeline;
        this.invoices = invoices;
        this.accounts = accounts;
        this.pdf = pdf;
    }

    /** The PDF of letter {@code letterId} ({@code <invoiceId>-FORMAL_NOTICE} or {@code -HANDOVER}), if it was sent. */
    public Optional<byte[]> pdf(String customerId, String letterId) {
        for (Letter.Kind kind : Letter.Kind.values()) {
            String suffix = "-" + kind.name();
            if (letterId.endsWith(suffix)) {
                return letter(customerId, letterId.substring(0, letterId.length() - suffix.length()), kind)
                        .map(pdf::render);
            }
        }
        return Optional.empty();
    }

    private Optional<Letter> letter(String customerId, String invoiceId, Letter.Kind kind) {
        Optional<InvoiceView> invoice = invoices.handle(new FindInvoice(invoiceId))
                .filter(view -> view.customerId().equals(customerId));
        if (invoice.isEmpty()) {
            return Optional.empty();
        }
        return switch (kind) {
            case FORMAL_NOTICE -> entry(customerId, "DunningStepReached", invoiceId).flatMap(entry -> {
                DunningStepReached step = event(customerId, entry, DunningStepReached.class);
                return step.message() == null ? Optional.empty()
                        : Optional.of(Letter.formalNotice(step, dayOf(entry)));
            });
            case HANDOVER -> entry(customerId, "InvoiceHandedOver", invoiceId).map(entry -> {
                InvoiceHandedOver handedOver = event(customerId, entry, InvoiceHandedOver.class);
                LocalDate day = dayOf(entry);
                if (handedOver.notice() != null) {
                    return Letter.handover(handedOver, day);
                }
                AccountView account = accounts.handle(new FindAccount(customerId)).orElseThrow();
                InvoiceView view = invoice.get();
                return Letter.handover(handedOver, day, account.name(), account.language(),
                        new Letter.InvoiceLine(invoiceId, view.dueDate(), view.balance(), account.currency(),
                                Math.max(0, ChronoUnit.DAYS.between(view.dueDate(), day))),
                        view.structuredCommunication());
            });
        };
    }

    /** The invoice's entry of that type (for a dunning step: the formal notice). */
    private Optional<TimelineEntry> entry(String customerId, String type, String invoiceId) {
        return timeline.handle(new GetTimeline(customerId, null, null, Set.of(type), 0, 10_000)).entries().stream()
                .filter(entry -> invoiceId.equals(entry.details().get("invoiceId")))
                .filter(entry -> !type.equals("DunningStepReached")
                        || DunningStep.FORMAL_NOTICE.name().equals(entry.details().get("step")))
                .findFirst();
    }

    private static LocalDate dayOf(TimelineEntry entry) {
        return LocalDate.ofInstant(entry.at(), ZoneOffset.UTC);
    }

    private static <T> T event(String customerId, TimelineEntry entry, Class<T> type) {
        Map<String, Object> fields = new HashMap<>(entry.details());
        fields.put("customerId", customerId);
        return Documents.fromMap(fields, type);
    }
}

package com.creditdesk.command.dunning;

import com.creditdesk.api.dunning.DunningEvents.DunningStepReached;
import com.creditdesk.api.dunning.DunningEvents.Message;
import com.creditdesk.api.dunning.DunningStep;
import com.creditdesk.api.invoice.InvoiceEvents.InvoiceHandedOver;
import com.creditdesk.platform.letters.Letter;
import com.creditdesk.platform.letters.LetterPdf;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;

/**
 * Delivers the reminders and formal notices dunning recorded, by e-mail, where a mail server is
 * configured ({@code spring.mail.host}) and the account has an address. A delivered message is
 * marked by its event id, so a replay of the processor sends nothing twice; only a crash between
 * sending and marking can send one message twice, never none. The formal notice and the notice of a hand-over
 * carry their letter on paper (PDF), the same one the query side serves for download.
 */
@Component
@ProcessingGroup(ReminderMail.GROUP)
class ReminderMail {
    static final String GROUP = "reminder-mail";
    private static final Logger log = LoggerFactory.getLogger(ReminderMail.class);

    private final ObjectProvider<JavaMailSender> mailSender;
    private final MongoCollection<Document> delivered;
    private final String from;
    private final LetterPdf letters;

    ReminderMail(ObjectProvider<JavaMailSender> mailSender, MongoDatabase database, MailSettings settings,
                 LetterPdf letters) {
        this.letters = letters;
        this.mailSender = mailSender;
        this.delivered = database.getCollection("delivered_reminders");
        this.from = settings.from();
    }

    @EventHandler
    void on(DunningStepReached event, EventMessage<?> message) {
        LocalDate day = LocalDate.ofInstant(message.getTimestamp(), ZoneOffset.UTC);
        // the formal notice goes on paper too
        deliver(message, event.invoiceId(), event.step().name(), event.message(),
                event.step() == DunningStep.FORMAL_NOTICE && event.message() != null
                        ? Letter.formalNotice(event, day) : null);
    }

    /** The debtor is told of the hand-over, with the letter on paper. */
    @EventHandler
    void on(InvoiceHandedOver event, EventMessage<?> message) {
        if (event.notice() != null) {
            LocalDate day = LocalDate.ofInstant(message.getTimestamp(), ZoneOffset.UTC);
            deliver(message, event.invoiceId(), "HANDOVER", event.notice().message(), Letter.handover(event, day));
        }
    }

    private void deliver(EventMessage<?> message, String invoiceId, String what, Message letter, Letter onPaper) {
        JavaMailSender sender = mailSender.getIfAvailable();
        if (letter == null || letter.to() == null || sender == null) {
            return;
        }
        if (delivered.find(Filters.eq("_id", message.getIdentifier())).first() != null) {
            return;
        }
        sender.send(mime -> {
            MimeMessageHelper mail = new MimeMessageHelper(mime, onPaper != null, StandardCharsets.UTF_8.name());
            mail.setFrom(from);
            mail.setTo(letter.to());
            mail.setSubject(letter.subject());
            mail.setText(letter.body());
            if (onPaper != null) {
                mail.addAttachment(Letter.id(invoiceId, onPaper.kind()) + ".pdf",
                        new ByteArrayResource(letters.render(onPaper)), "application/pdf");
            }
        });
        try {
            delivered.insertOne(new Document("_id", message.getIdentifier()).append("invoiceId", invoiceId)
                    .append("step", what).append("to", letter.to()).append("at", new Date()));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
        log.info("sent {} of invoice {} to {}", what, invoiceId, letter.to());
    }
}

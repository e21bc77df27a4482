package com.creditdesk.command.dunning;

import com.creditdesk.api.dunning.DunningEvents.DunningStepReached;
import com.creditdesk.api.dunning.DunningEvents.Message;
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
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

import java.util.Date;

/**
 * Delivers the reminders and formal notices dunning recorded, by e-mail, where a mail server is
 * configured ({@code spring.mail.host}) and the account has an address. A delivered message is
 * marked by its event id, so a replay of the processor sends nothing twice; only a crash between
 * sending and marking can send one message twice, never none.
 */
@Component
@ProcessingGroup(ReminderMail.GROUP)
class ReminderMail {
    static final String GROUP = "reminder-mail";
    private static final Logger log = LoggerFactory.getLogger(ReminderMail.class);

    private final ObjectProvider<JavaMailSender> mailSender;
    private final MongoCollection<Document> delivered;
    private final String from;

    ReminderMail(ObjectProvider<JavaMailSender> mailSender, MongoDatabase database, MailSettings settings) {
        this.mailSender = mailSender;
        this.delivered = database.getCollection("delivered_reminders");
        this.from = settings.from();
    }

    @EventHandler
    void on(DunningStepReached event, EventMessage<?> message) {
        Message letter = event.message();
        JavaMailSender sender = mailSender.getIfAvailable();
        if (letter == null || letter.to() == null || sender == null) {
            return;
        }
        if (delivered.find(Filters.eq("_id", message.getIdentifier())).first() != null) {
            return;
        }
        SimpleMailMessage mail = new SimpleMailMessage();
        mail.setFrom(from);
        mail.setTo(letter.to());
        mail.setSubject(letter.subject());
        mail.setText(letter.body());
        sender.send(mail);
        try {
            delivered.insertOne(new Document("_id", message.getIdentifier()).append("invoiceId", event.invoiceId())
                    .append("step", event.step().name()).append("to", letter.to()).append("at", new Date()));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
        log.info("sent {} of invoice {} to {}", event.step(), event.invoiceId(), letter.to());
    }
}

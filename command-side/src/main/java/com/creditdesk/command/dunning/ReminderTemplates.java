package com.creditdesk.command.dunning;

import com.creditdesk.api.statement.StructuredCommunication;
import com.creditdesk.api.account.Language;
import com.creditdesk.api.dunning.DunningEvents.Message;
import com.creditdesk.api.dunning.DunningStep;
import com.creditdesk.platform.letters.Letter.InvoiceLine;
import org.springframework.stereotype.Component;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

import static com.creditdesk.platform.letters.Letter.amount;
import static com.creditdesk.platform.letters.Letter.handoverWords;

/**
 * The texts of reminders and formal notices, per step, segment and language, from the resource
 * bundles {@code dunning/reminders_<language>.properties} (keys {@code <step>.<segment>.subject|body}).
 * There is no fallback between languages: a missing text fails loudly instead of sending Dutch
 * customers English mail.
 */
@Component
public class ReminderTemplates implements ReminderLetters {
    private static final String BUNDLE = "dunning.reminders";
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    @Override
    public Message render(DunningStep step, Letter letter) {
        Language language = letter.language() == null ? Language.en : letter.language();
        ResourceBundle texts = bundle(language);
        String key = step.name() + "." + letter.segment().name();
        Object[] values = {letter.customerName(), letter.invoiceId(), amount(letter.balance()),
                letter.currency(), letter.dueDate().toString(), Long.toString(letter.daysPastDue())};
        return withReference(texts, new Message(language, letter.to(), format(texts, key + ".subject", values),
                format(texts, key + ".body", values)), letter);
    }

    /** The same words as the hand-over letter on paper, with the payment reference. */
    @Override
    public Message handoverNotice(Letter letter, String agency) {
        Language language = letter.language() == null ? Language.en : letter.language();
        return withReference(bundle(language), handoverWords(language,
                letter.to(), letter.customerName(), new InvoiceLine(letter.invoiceId(), letter.dueDate(),
                        letter.balance(), letter.currency(), letter.daysPastDue()), agency), letter);
    }

    /** The payment reference goes before the greeting. */
    private static Message withReference(ResourceBundle texts, Message message, Letter letter) {
        if (letter.structuredCommunication() == null) {
            return message;
        }
        String reference = new StructuredCommunication(letter.structuredCommunication()).formatted();
        String body = message.body();
        int greeting = body.lastIndexOf("\n\n");
        String line = format(texts, "payWith", new Object[]{reference});
        body = greeting < 0 ? body + "\n\n" + line
                : body.substring(0, greeting) + "\n\n" + line + body.substring(greeting);
        return new Message(message.language(), message.to(), message.subject(), body, reference);
    }

    private static ResourceBundle bundle(Language language) {
        return ResourceBundle.getBundle(BUNDLE, Locale.forLanguageTag(language.name()), NO_FALLBACK);
    }

    private static String format(ResourceBundle texts, String key, Object[] values) {
        return new MessageFormat(texts.getString(key), Locale.ROOT).format(values);
    }
}

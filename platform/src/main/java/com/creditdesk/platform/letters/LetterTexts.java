package com.creditdesk.platform.letters;

import com.creditdesk.api.account.Language;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The letters' fixed wording per language ({@code letters/letters_<language>.properties}): labels, the legal wording
 * of each kind, the hand-over letter's text. No fallback between languages: a missing text fails loudly.
 */
public final class LetterTexts {
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private final ResourceBundle texts;

    private LetterTexts(ResourceBundle texts) {
        this.texts = texts;
    }

    public static LetterTexts of(Language language) {
        return new LetterTexts(ResourceBundle.getBundle("letters.letters",
                Locale.forLanguageTag((language == null ? Language.en : language).name()), NO_FALLBACK));
    }

    public String text(String key, Object... values) {
        return new MessageFormat(texts.getString(key), Locale.ROOT).format(values);
    }
}

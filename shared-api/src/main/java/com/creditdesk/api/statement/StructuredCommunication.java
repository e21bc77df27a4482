package com.creditdesk.api.statement;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Belgian structured communication (OGM / VCS) a customer quotes when paying an invoice: 10 digits and 2 check
 * digits, the 10-digit number modulo 97 (a remainder of 0 gives 97), written {@code +++123/4567/89012+++}.
 * {@link #digits()} holds the 12 digits, without the plusses and slashes.
 */
public record StructuredCommunication(String digits) {
    private static final Pattern TWELVE = Pattern.compile("\\d{12}");
    /** An OGM inside free text: with {@code +++} or {@code ***}, slashes optional; or 12 digits standing alone. */
    private static final Pattern IN_TEXT = Pattern.compile(
            "[+*]{3}\\s*(\\d{3})\\s*/?\\s*(\\d{4})\\s*/?\\s*(\\d{5})\\s*[+*]{3}|(?<![\\d/])(\\d{3})/?(\\d{4})/?(\\d{5})(?![\\d/])");

    public StructuredCommunication {
        if (digits == null || !TWELVE.matcher(digits).matches()) {
            throw new IllegalArgumentException("a structured communication has 12 digits: " + digits);
        }
        long number = Long.parseLong(digits.substring(0, 10));
        if (checkDigits(number) != Integer.parseInt(digits.substring(10))) {
            throw new IllegalArgumentException("the check digits of " + digits + " are wrong");
        }
    }

    /** The structured communication of a 10-digit number (1 to 9 999 999 999), its check digits added. */
    public static StructuredCommunication of(long number) {
        if (number < 1 || number > 9_999_999_999L) {
            throw new IllegalArgumentException("a structured communication numbers 1 to 9999999999: " + number);
        }
        return new StructuredCommunication(String.format("%010d%02d", number, checkDigits(number)));
    }

    /** The number modulo 97, 97 where that is 0. */
    public static int checkDigits(long number) {
        int remainder = (int) (number % 97);
        return remainder == 0 ? 97 : remainder;
    }

    /**
     * Reads {@code +++123/4567/89012+++}, {@code ***123/4567/89012***}, {@code 123/4567/89012} or
     * {@code 123456789012}; empty when it is none of them or its check digits are wrong.
     */
    public static Optional<StructuredCommunication> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String digits = text.strip().replaceAll("^[+*]{3}|[+*]{3}$", "").replace("/", "").replace(" ", "");
        return valid(digits);
    }

    /** The first valid structured communication written somewhere in free text (a remittance line). */
    public static Optional<StructuredCommunication> findIn(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher matcher = IN_TEXT.matcher(text);
        while (matcher.find()) {
            String digits = matcher.group(1) != null ? matcher.group(1) + matcher.group(2) + matcher.group(3)
                    : matcher.group(4) + matcher.group(5) + matcher.group(6);
            Optional<StructuredCommunication> found = valid(digits);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private static Optional<StructuredCommunication> valid(String digits) {
        if (!TWELVE.matcher(digits).matches()
                || checkDigits(Long.parseLong(digits.substring(0, 10))) != Integer.parseInt(digits.substring(10))) {
            return Optional.empty();
        }
        return Optional.of(new StructuredCommunication(digits));
    }

    /** {@code +++123/4567/89012+++}. */
    public String formatted() {
        return "+++" + digits.substring(0, 3) + "/" + digits.substring(3, 7) + "/" + digits.substring(7) + "+++";
    }

    @Override
    public String toString() {
        return formatted();
    }
}

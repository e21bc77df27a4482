package com.creditdesk.platform.letters;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders a {@link Letter} as an A4 PDF with PDFBox: the company's head, the debtor, date and subject, the text, the
 * invoices it is about (with the structured communication to pay with), the legal wording of the language. Plain
 * Helvetica (WinAnsi: the accents of Dutch and French and the euro sign print; anything else is replaced).
 */
public final class LetterPdf {
    private static final float MARGIN = 56;
    private static final float WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;
    private static final PDType1Font REGULAR = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private static final PDType1Font BOLD = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);

    private final CompanySettings company;

    public LetterPdf(CompanySettings company) {
        this.company = company;
    }

    public byte[] render(Letter letter) {
        LetterTexts texts = LetterTexts.of(letter.language());
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle(letter.subject());
            info.setAuthor(company.name());
            Writer writer = new Writer(document);
            writer.line(BOLD, 14, company.name());
            for (String detail : List.of(company.address(), vat(texts), company.iban(), company.email())) {
                if (!detail.isBlank()) {
                    writer.line(REGULAR, 9, detail);
                }
            }
            writer.gap(24);
            writer.line(REGULAR, 10, texts.text("customer", letter.customerId()) + (letter.customerName() == null
                    ? "" : " · " + letter.customerName()));
            if (letter.to() != null) {
                writer.line(REGULAR, 10, letter.to());
            }
            writer.gap(12);
            writer.line(REGULAR, 10, texts.text("date", letter.date().toString()));
            writer.gap(12);
            writer.paragraph(BOLD, 12, letter.subject());
            writer.gap(8);
            for (String paragraph : letter.body().split("\n")) {
                writer.paragraph(REGULAR, 10, paragraph);
            }
            writer.gap(14);
            writer.line(BOLD, 10, texts.text("invoices"));
            for (Letter.InvoiceLine line : letter.invoices()) {
                writer.line(REGULAR, 10, texts.text("invoiceLine", line.invoiceId(), line.dueDate().toString(),
                        money(line.currency(), line.balance()), Long.toString(line.daysPastDue())));
            }
            if (letter.structuredCommunication() != null) {
                writer.gap(6);
                writer.line(BOLD, 10, texts.text("payWith", letter.structuredCommunication(),
                        company.iban().isBlank() ? "" : company.iban()));
            }
            writer.gap(14);
            writer.paragraph(REGULAR, 8, texts.text(letter.kind().name() + ".legal"));
            writer.close();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("the letter could not be rendered", e);
        }
    }

    private String vat(LetterTexts texts) {
        return company.vatNumber().isBlank() ? "" : texts.text("vat", company.vatNumber());
    }

    private static String money(String currency, BigDecimal amount) {
        return currency + " " + Letter.amount(amount);
    }

    /** Writes lines down the page, wrapping paragraphs to the width and going on to a new page when full. */
    private static final class Writer {
        private final PDDocument document;
        private PDPageContentStream page;
        private float y;

        Writer(PDDocument document) throws IOException {
            this.document = document;
            newPage();
        }

        void line(PDType1Font font, float size, String text) throws IOException {
            if (y - size < MARGIN) {
                newPage();
            }
            y -= size * 1.4f;
            page.beginText();
            page.setFont(font, size);
            page.newLineAtOffset(MARGIN, y);
            page.showText(printable(font, text));
            page.endText();
        }

        void paragraph(PDType1Font font, float size, String text) throws IOException {
            if (text.isBlank()) {
                gap(size);
                return;
            }
            for (String line : wrapped(font, size, printable(font, text))) {
                line(font, size, line);
            }
        }

        void gap(float points) {
            y -= points;
        }

        void close() throws IOException {
            page.close();
        }

        private void newPage() throws IOException {
            if (page != null) {
                page.close();
            }
            PDPage next = new PDPage(PDRectangle.A4);
            document.addPage(next);
            page = new PDPageContentStream(document, next);
            y = PDRectangle.A4.getHeight() - MARGIN;
        }

        private static List<String> wrapped(PDType1Font font, float size, String text) throws IOException {
            List<String> lines = new ArrayList<>();
            StringBuilder line = new StringBuilder();
            for (String word : text.split(" ")) {
                String candidate = line.isEmpty() ? word : line + " " + word;
                if (font.getStringWidth(candidate) / 1000 * size > WIDTH && !line.isEmpty()) {
                    lines.add(line.toString());
                    line = new StringBuilder(word);
                } else {
                    line = new StringBuilder(candidate);
                }
            }
            lines.add(line.toString());
            return lines;
        }

        /** What the font cannot print becomes a question mark, so no text can break the letter. */
        private static String printable(PDType1Font font, String text) {
            StringBuilder printable = new StringBuilder();
            text.codePoints().forEach(c -> {
                String character = new String(Character.toChars(c));
                try {
                    font.encode(character);
                    printable.append(character);
                } catch (IOException | IllegalArgumentException e) {
                    printable.append('?');
                }
            });
            return printable.toString();
        }
    }
}

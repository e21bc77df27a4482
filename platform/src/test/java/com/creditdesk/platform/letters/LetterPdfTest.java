package com.creditdesk.platform.letters;

import com.creditdesk.api.account.Language;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The letters as PDF, opened again and read: every detail and the legal wording of the language are on paper. */
class LetterPdfTest {
    private static final CompanySettings COMPANY = new CompanySettings("Groothandel Janssens NV",
            "Industrieweg 12, 9000 Gent", "BE 0412.345.678", "BE71 0961 2345 6769", "debiteuren@janssens.example");
    private static final Letter.InvoiceLine INVOICE = new Letter.InvoiceLine("F-2026-0042", LocalDate.of(2026, 2, 1),
            new BigDecimal("1200.5"), "EUR", 30);

    @ParameterizedTest
    @CsvSource({"nl,wet van 2 augustus 2002,gestructureerde mededeling",
            "fr,loi du 2 août 2002,communication structurée",
            "en,Act of 2 August 2002,structured communication"})
    void theFormalNoticeCarriesTheCompanyTheDebtorTheInvoiceAndTheLegalWording(Language language, String law,
                                                                           String payWith) throws IOException {
        Letter notice = new Letter(Letter.Kind.FORMAL_NOTICE, language, LocalDate.of(2026, 3, 3), "C-7",
                "Bakkerij Peeters", "boekhouding@peeters.example", "Ingebrekestelling: factuur F-2026-0042",
                "Beste Bakkerij Peeters,\n\nHierbij stellen wij u in gebreke.\n\nHoogachtend,", List.of(INVOICE),
                "+++090/9337/55493+++", null);

        String text = textOf(new LetterPdf(COMPANY).render(notice));

        assertThat(text).contains("Groothandel Janssens NV", "Industrieweg 12, 9000 Gent", "BE 0412.345.678",
                "C-7", "Bakkerij Peeters", "boekhouding@peeters.example", "2026-03-03",
                "Ingebrekestelling: factuur F-2026-0042", "Hierbij stellen wij u in gebreke.", "F-2026-0042",
                "2026-02-01", "EUR 1200.50", "30", "+++090/9337/55493+++", "BE71 0961 2345 6769", payWith);
        assertThat(text.replaceAll("\\s+", " ")).contains(law);
    }

    @ParameterizedTest
    @CsvSource({"nl,Incasso Noord,overgedragen aan Incasso Noord", "fr,Incasso Noord,confié le recouvrement",
            "en,Incasso Noord,handed the collection of this claim over to Incasso Noord"})
    void theHandOverLetterNamesTheAgency(Language language, String agency, String handedOver) throws IOException {
        LetterTexts texts = LetterTexts.of(language);
        Letter handover = new Letter(Letter.Kind.HANDOVER, language, LocalDate.of(2026, 4, 1), "C-7", "Bakkerij Peeters",
                null, texts.text("HANDOVER.subject", "F-2026-0042"), texts.text("HANDOVER.body", "Bakkerij Peeters",
                "F-2026-0042", "1200.50", "EUR", "2026-02-01", agency), List.of(INVOICE), null, agency);

        String text = textOf(new LetterPdf(COMPANY).render(handover)).replaceAll("\\s+", " ");

        assertThat(text).contains("F-2026-0042", handedOver, "2002");
    }

    @ParameterizedTest
    @CsvSource({"nl", "fr", "en"})
    void aLongTextGoesOnToAnotherPageAndUnprintableCharactersDoNotBreakIt(Language language) throws IOException {
        String longBody = ("Een lange zin met een pijl → en een emoji 🙂 die het lettertype niet kent. ").repeat(400);
        Letter notice = new Letter(Letter.Kind.FORMAL_NOTICE, language, LocalDate.of(2026, 3, 3), "C-7", null, null,
                "Ingebrekestelling", longBody, List.of(INVOICE), null, null);

        byte[] pdf = new LetterPdf(new CompanySettings("Credit Desk", "", "", "", "")).render(notice);

        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isGreaterThan(1);
        }
        assertThat(textOf(pdf)).contains("een pijl ? en een emoji ?");
    }

    static String textOf(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }
}

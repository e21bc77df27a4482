package com.creditdesk.command.statement;

import com.creditdesk.api.statement.MatchRule;
import com.creditdesk.api.statement.StatementCommands.AssignBankLine;
import com.creditdesk.api.statement.StatementCommands.BankLine;
import com.creditdesk.api.statement.StatementCommands.DescribeBankLine;
import com.creditdesk.api.statement.StatementCommands.ImportBankStatement;
import com.creditdesk.api.statement.StatementCommands.LineMatch;
import com.creditdesk.api.statement.StatementCommands.LineState;
import com.creditdesk.api.statement.StatementEvents.BankLineAssigned;
import com.creditdesk.api.statement.StatementEvents.BankLineAwaitingAssignment;
import com.creditdesk.api.statement.StatementEvents.BankLineMatched;
import com.creditdesk.api.statement.StatementEvents.BankStatementImported;
import com.creditdesk.command.refusal.Refusal;
import com.creditdesk.command.statement.BankStatement.Imported;
import com.creditdesk.command.statement.BankStatement.Payment;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** A bank statement: imported once with its lines matched or waiting, and credit's assignment of a waiting line. */
class BankStatementTest {
    private static final LocalDate BOOKED = LocalDate.of(2026, 3, 2);
    private static final LineMatch BY_OGM = new LineMatch(MatchRule.STRUCTURED_COMMUNICATION, "C-1", "INV-1",
            "+++000/0000/00101+++");
    private static final BankLine MATCHED = new BankLine("E1", new BigDecimal("1210.00"), "EUR", BOOKED, "Peeters",
            "BE68539007547034", null, "000000000101", BY_OGM);
    private static final BankLine UNMATCHED = new BankLine("E2", new BigDecimal("99.50"), "EUR", BOOKED, "Janssens",
            "BE71096123456769", "thanks", null, null);
    private static final ImportBankStatement IMPORT = new ImportBankStatement("S-1", "BE00111122223333", BOOKED,
            List.of(MATCHED, UNMATCHED), "erp");
    private static final BankStatementImported IMPORTED = new BankStatementImported("S-1", "BE00111122223333", BOOKED,
            List.of(MATCHED, UNMATCHED), "erp");
    private static final BankLineMatched LINE_MATCHED = new BankLineMatched("S-1", "E1", "C-1", "INV-1",
            MatchRule.STRUCTURED_COMMUNICATION, "+++000/0000/00101+++", new BigDecimal("1210.00"), "EUR", BOOKED,
            "BS-S-1-E1");
    private static final BankLineAwaitingAssignment LINE_WAITING = new BankLineAwaitingAssignment("S-1", "E2",
            new BigDecimal("99.50"), "EUR", BOOKED, "Janssens", "BE71096123456769", "thanks");
    private static final BankLineAssigned LINE_ASSIGNED = new BankLineAssigned("S-1", "E2", "C-2", null,
            new BigDecimal("99.50"), "EUR", BOOKED, "BE71096123456769", "BS-S-1-E2", "credit1");
    private static final Payment PAID_E1 = new Payment("E1", "C-1", "INV-1", "BS-S-1-E1", new BigDecimal("1210.00"),
            "EUR", BOOKED, "BE68539007547034");

    private final FixtureConfiguration<BankStatement> fixture = new AggregateTestFixture<>(BankStatement.class);

    @Test
    void anImportRecordsTheLinesEachMatchedOrAwaitingAssignment() {
        fixture.givenNoPriorActivity().when(IMPORT).expectEvents(IMPORTED, LINE_MATCHED, LINE_WAITING)
                .expectResultMessagePayload(new Imported("S-1", 2, List.of(PAID_E1), 1, false));
    }

    @Test
    void theSameStatementImportedAgainRecordsNothingAndNamesTheLinesToPay() {
        fixture.given(IMPORTED, LINE_MATCHED, LINE_WAITING).when(IMPORT).expectNoEvents()
                .expectResultMessagePayload(new Imported("S-1", 2, List.of(PAID_E1), 1, true));
    }

    @Test
    void theSameStatementWithOtherLinesIsAConflict() {
        fixture.given(IMPORTED, LINE_MATCHED, LINE_WAITING)
                .when(new ImportBankStatement("S-1", "BE00111122223333", BOOKED, List.of(MATCHED), "erp"))
                .expectException(Refusal.Violated.class);
    }

    @Test
    void aWaitingLineIsAssignedOnceToTheCustomerCreditNames() {
        fixture.given(IMPORTED, LINE_MATCHED, LINE_WAITING).when(new AssignBankLine("S-1", "E2", "C-2", null, "credit1"))
                .expectEvents(LINE_ASSIGNED);
        fixture.given(IMPORTED, LINE_MATCHED, LINE_WAITING, LINE_ASSIGNED)
                .when(new AssignBankLine("S-1", "E2", "C-2", null, "credit2")).expectNoEvents();
    }

    @Test
    void anAssignedLineIsNotAssignedToAnotherCustomer() {
        fixture.given(IMPORTED, LINE_MATCHED, LINE_WAITING, LINE_ASSIGNED)
                .when(new AssignBankLine("S-1", "E2", "C-3", null, "credit1")).expectException(Refusal.Violated.class);
    }

    @Test
    void aMatchedLineIsNotAssigned() {
        fixture.given(IMPORTED, LINE_MATCHED, LINE_WAITING)
                .when(new AssignBankLine("S-1", "E1", "C-2", null, "credit1")).expectException(Refusal.Violated.class);
    }

    @Test
    void anUnknownLineIsNotFound() {
        fixture.given(IMPORTED, LINE_MATCHED, LINE_WAITING)
                .when(new AssignBankLine("S-1", "E9", "C-2", null, "credit1")).expectException(Refusal.NotFound.class);
    }

    @Test
    void aLineIsDescribedWithoutRecordingAnything() {
        fixture.given(IMPORTED, LINE_MATCHED, LINE_WAITING).when(new DescribeBankLine("S-1", "E2")).expectNoEvents()
                .expectResultMessagePayload(new LineState("S-1", "E2", new BigDecimal("99.50"), "EUR", BOOKED, null,
                        null, false));
    }
}

package com.creditdesk.command.application;

import com.creditdesk.api.account.Language;
import com.creditdesk.api.account.SecurityType;
import com.creditdesk.api.account.Segment;
import com.creditdesk.api.application.ApplicationCommands.ApplicationAnswer;
import com.creditdesk.api.application.ApplicationCommands.DecideApplication;
import com.creditdesk.api.application.ApplicationCommands.FileCreditApplication;
import com.creditdesk.api.application.ApplicationCommands.ScreenApplication;
import com.creditdesk.api.application.ApplicationCommands.VisitReport;
import com.creditdesk.api.application.ApplicationDecision;
import com.creditdesk.api.application.ApplicationEvents.ApplicationApprovalGiven;
import com.creditdesk.api.application.ApplicationEvents.ApplicationApproved;
import com.creditdesk.api.application.ApplicationEvents.ApplicationDeclined;
import com.creditdesk.api.application.ApplicationEvents.ApplicationScreened;
import com.creditdesk.api.application.ApplicationEvents.CreditApplicationFiled;
import com.creditdesk.api.application.ApplicationStatus;
import com.creditdesk.api.application.Rating;
import com.creditdesk.api.account.RiskClass;
import com.creditdesk.api.application.ScoringPolicy;
import com.creditdesk.command.refusal.Refusal;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A prospect's credit application: filing, screening with its score, and the approval authority's four eyes. */
class CreditApplicationTest {
    private static final VisitReport VISIT = new VisitReport(Rating.GOOD, Rating.GOOD, Rating.FAIR, Rating.GOOD,
            "busy warehouse, new trucks");
    private static final FileCreditApplication FILE = new FileCreditApplication("A-1", "C-9", "Bouwbedrijf Claes",
            Segment.SMB, "EUR", Language.nl, "boekhouding@claes.example", new BigDecimal("80000"),
            new BigDecimal("25000"), 45, VISIT, "sales1");
    private static final CreditApplicationFiled FILED = new CreditApplicationFiled("C-9", "A-1", "Bouwbedrijf Claes",
            Segment.SMB, "EUR", Language.nl, "boekhouding@claes.example", "sales1", new BigDecimal("80000"),
            new BigDecimal("25000"), 45, VISIT, "sales1");
    private static final ScreenApplication SCREEN = new ScreenApplication("A-1", true, true, true, true, "A2", 80,
            new BigDecimal("0.30"), 6, "credit1");
    /** 0.5 × 80 + 25 × 0.30 / 0.40 + 25 × 6 / 10 = 40 + 18.75 + 15 = 73.75 → 74: LOW. */
    private static final ApplicationScreened SCREENED = new ApplicationScreened("C-9", "A-1", true, true, true, true,
            "A2", 80, new BigDecimal("0.30"), 6, 74, RiskClass.LOW, "score-v1", "credit1");

    private final FixtureConfiguration<CreditApplication> fixture = new AggregateTestFixture<>(CreditApplication.class);

    CreditApplicationTest() {
        fixture.registerInjectableResource(new ApprovalAuthority(new BigDecimal("50000")));
    }

    @Test
    void filingRecordsWhatTheProspectAsksAndWhatSalesSawAndFilingAgainRecordsNothing() {
        fixture.givenNoPriorActivity().when(FILE).expectEvents(FILED)
                .expectResultMessagePayload(new ApplicationAnswer("A-1", "C-9", ApplicationStatus.FILED, null, null));
        fixture.given(FILED).when(FILE).expectNoEvents();
        fixture.given(FILED).when(new FileCreditApplication("A-1", "C-9", "Bouwbedrijf Claes", Segment.SMB, "EUR",
                Language.nl, null, new BigDecimal("90000"), new BigDecimal("25000"), 45, VISIT, "sales1"))
                .expectException(Refusal.Violated.class);
    }

    @Test
    void theScoreFollowsTheVersionedFormulaAndSetsTheRiskClass() {
        fixture.given(FILED).when(SCREEN).expectEvents(SCREENED)
                .expectResultMessagePayload(new ApplicationAnswer("A-1", "C-9", ApplicationStatus.SCREENED, 74,
                        RiskClass.LOW));
        assertThat(ScoringPolicy.V1.score(30, new BigDecimal("0.05"), 1)).as("15 + 3.125 + 2.5").isEqualTo(21);
        assertThat(ScoringPolicy.V1.riskClassOf(21)).isEqualTo(RiskClass.HIGH);
        assertThat(ScoringPolicy.V1.riskClassOf(45)).isEqualTo(RiskClass.MEDIUM);
        assertThat(ScoringPolicy.V1.score(100, new BigDecimal("0.90"), 40)).as("capped at 100").isEqualTo(100);
    }

    @Test
    void anApprovalNeedsACompleteScreening() {
        fixture.given(FILED).when(approve("40000", "credit1")).expectException(Refusal.Violated.class);
        fixture.given(FILED, new ApplicationScreened("C-9", "A-1", true, true, false, true, "A2", 80,
                        new BigDecimal("0.30"), 6, 74, RiskClass.LOW, "score-v1", "credit1"))
                .when(approve("40000", "credit1")).expectException(Refusal.Violated.class);
    }

    @Test
    void upToTheApprovalAuthorityOneCreditControllerApprovesAndTheAccountGetsTheLimit() {
        fixture.given(FILED, SCREENED).when(approve("50000", "credit1"))
                .expectEvents(approved("50000", List.of("credit1"), "credit1"))
                .expectResultMessagePayload(new ApplicationAnswer("A-1", "C-9", ApplicationStatus.APPROVED, 74,
                        RiskClass.LOW));
        fixture.given(FILED, SCREENED, approved("50000", List.of("credit1"), "credit1"))
                .when(approve("50000", "credit1")).expectNoEvents();
    }

    @Test
    void aboveTheApprovalAuthorityASecondCreditControllerConfirmsAndNeverTheFirstOneAgain() {
        ApplicationApprovalGiven first = new ApplicationApprovalGiven("C-9", "A-1", ApplicationDecision.APPROVE,
                new BigDecimal("60000"), null, "solid", new BigDecimal("50000"), "credit1");
        fixture.given(FILED, SCREENED).when(approve("60000", "credit1")).expectEvents(first)
                .expectResultMessagePayload(new ApplicationAnswer("A-1", "C-9",
                        ApplicationStatus.AWAITING_SECOND_APPROVAL, 74, RiskClass.LOW));
        fixture.given(FILED, SCREENED, first).when(approve("60000", "credit1")).expectNoEvents();
        fixture.given(FILED, SCREENED, first).when(approve("70000", "credit1")).expectException(Refusal.FourEyes.class);
        fixture.given(FILED, SCREENED, first).when(approve("55000", "credit2")).expectException(Refusal.Violated.class);
        fixture.given(FILED, SCREENED, first).when(approve("60000", "credit2"))
                .expectEvents(approved("60000", List.of("credit1", "credit2"), "credit2"));
    }

    @Test
    void creditMayDeclineAtAnyTimeBeforeTheDecisionAndADecidedApplicationStaysDecided() {
        ApplicationDeclined declined = new ApplicationDeclined("C-9", "A-1", "negative equity", "credit2");
        fixture.given(FILED).when(new DecideApplication("A-1", ApplicationDecision.DECLINE, null, null,
                "negative equity", "credit2")).expectEvents(declined);
        fixture.given(FILED, declined).when(SCREEN).expectException(Refusal.Violated.class);
        fixture.given(FILED, SCREENED, declined).when(approve("1000", "credit1"))
                .expectException(Refusal.Violated.class);
    }

    @Test
    void anApprovalWithASecurityNamesIt() {
        fixture.given(FILED, SCREENED).when(new DecideApplication("A-1", ApplicationDecision.APPROVE_WITH_SECURITY,
                new BigDecimal("20000"), null, "guarantee first", "credit1")).expectException(Refusal.InvalidInput.class);
        fixture.given(FILED, SCREENED).when(new DecideApplication("A-1", ApplicationDecision.APPROVE_WITH_SECURITY,
                        new BigDecimal("20000"), SecurityType.BANK_GUARANTEE, "guarantee first", "credit1"))
                .expectEvents(new ApplicationApproved("C-9", "A-1", ApplicationDecision.APPROVE_WITH_SECURITY,
                        new BigDecimal("20000"), SecurityType.BANK_GUARANTEE, "guarantee first", List.of("credit1"),
                        "Bouwbedrijf Claes", Segment.SMB, "EUR", Language.nl, "boekhouding@claes.example", "sales1",
                        RiskClass.LOW, "credit1"));
    }

    private static DecideApplication approve(String limit, String actor) {
        return new DecideApplication("A-1", ApplicationDecision.APPROVE, new BigDecimal(limit), null, "solid", actor);
    }

    private static ApplicationApproved approved(String limit, List<String> approvedBy, String actor) {
        return new ApplicationApproved("C-9", "A-1", ApplicationDecision.APPROVE, new BigDecimal(limit), null, "solid",
                approvedBy, "Bouwbedrijf Claes", Segment.SMB, "EUR", Language.nl, "boekhouding@claes.example",
                "sales1", RiskClass.LOW, actor);
    }
}

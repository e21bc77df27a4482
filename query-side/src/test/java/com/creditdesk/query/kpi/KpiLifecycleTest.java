package com.creditdesk.query.kpi;

import com.creditdesk.api.account.Language;
import com.creditdesk.api.account.RiskClass;
import com.creditdesk.api.account.SecurityType;
import com.creditdesk.api.account.Segment;
import com.creditdesk.api.application.ApplicationCommands.VisitReport;
import com.creditdesk.api.application.ApplicationDecision;
import com.creditdesk.api.application.ApplicationEvents.ApplicationApprovalGiven;
import com.creditdesk.api.application.ApplicationEvents.ApplicationApproved;
import com.creditdesk.api.application.ApplicationEvents.ApplicationDeclined;
import com.creditdesk.api.application.ApplicationEvents.CreditApplicationFiled;
import com.creditdesk.api.application.Rating;
import com.creditdesk.api.kpi.KpiQueries.ApplicationKpis;
import com.creditdesk.api.kpi.KpiQueries.Kpis;
import com.creditdesk.api.kpi.KpiQueries.ReviewKpis;
import com.creditdesk.api.signal.ReviewOutcome;
import com.creditdesk.api.signal.SignalEvents.CreditReviewConcluded;
import com.creditdesk.api.signal.SignalEvents.CreditReviewOpened;
import com.creditdesk.api.signal.SignalEvents.ReviewScheduled;
import com.creditdesk.query.invoice.InvoiceProjection;
import com.creditdesk.query.reporting.ReportingCurrency;
import com.creditdesk.query.support.ProjectionsOnLedger;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The credit-risk lifecycle in the KPIs, from events through the projection: applications counted when their
 * decision became final (a first approval decides nothing), periodic reviews by the day they fell due (a plan
 * replaced before its day never did) and concluded on time within the grace. Every batch is delivered twice, and
 * the first batches' decisions per month fail to be written after the applications were: a crash half-way.
 */
class KpiLifecycleTest {
    private static final ProjectionsOnLedger projections = new ProjectionsOnLedger("kpi_application_decisions");
    private static final LocalDate TODAY = LocalDate.of(2026, 7, 15);
    private static final ReportingCurrency EUR = new ReportingCurrency("EUR", Map.of(), null);
    private static final List<DomainEventMessage<?>> events = new ArrayList<>();
    private static final Map<String, Long> sequences = new HashMap<>();
    private static KpiProjection kpis;

    @BeforeAll
    static void applyTheLifecycle() {
        // A-1 above the approval authority: the first approval on 2 March, the second (final) on 4 March: 48 h
        filed("A-1", "2026-03-02T09:00:00Z");
        event("application:A-1", "2026-03-02T15:00:00Z", new ApplicationApprovalGiven("P-1", "A-1",
                ApplicationDecision.APPROVE, new BigDecimal("80000"), null, "first", new BigDecimal("50000"), "credit1"));
        approved("A-1", ApplicationDecision.APPROVE, "2026-03-04T09:00:00Z");
        filed("A-2", "2026-03-03T08:00:00Z");
        event("application:A-2", "2026-03-03T14:00:00Z", new ApplicationDeclined("P-2", "A-2", "no", "credit1")); // 6 h
        filed("A-3", "2026-03-05T10:00:00Z");
        approved("A-3", ApplicationDecision.APPROVE_WITH_SECURITY, "2026-03-06T16:00:00Z"); // 30 h
        // A-4: its first approval in March, the second on 1 April: an April decision, 12 days after the filing
        filed("A-4", "2026-03-20T10:00:00Z");
        event("application:A-4", "2026-03-31T10:00:00Z", new ApplicationApprovalGiven("P-4", "A-4",
                ApplicationDecision.APPROVE, new BigDecimal("90000"), null, "first", new BigDecimal("50000"), "credit1"));
        approved("A-4", ApplicationDecision.APPROVE, "2026-04-01T10:00:00Z");
        filed("A-5", "2026-03-25T10:00:00Z"); // never decided

        // C-1, HIGH: due 10 March, concluded on the 12th (on time); due 12 April, concluded on the 20th (late)
        scheduled("C-1", "2026-02-10T09:00:00Z", "2026-03-10");
        opened("C-1", "2026-03-10T00:00:05Z");
        concluded("C-1", "2026-03-12T11:00:00Z");
        scheduled("C-1", "2026-03-12T11:00:00.001Z", "2026-04-12");
        opened("C-1", "2026-04-12T00:00:05Z");
        concluded("C-1", "2026-04-20T10:00:00Z");
        scheduled("C-1", "2026-04-20T10:00:00.001Z", "2026-05-20"); // due in May, never concluded
        // C-2: the plan of 15 March replaced on 1 March by one for 1 June: 15 March never fell due
        scheduled("C-2", "2026-02-01T09:00:00Z", "2026-03-15");
        scheduled("C-2", "2026-03-01T09:00:00Z", "2026-06-01");
        // C-3: a review opened by a signal and concluded before the plan's day leaves the plan alone
        scheduled("C-3", "2026-01-05T09:00:00Z", "2026-03-20");
        opened("C-3", "2026-03-01T12:00:00Z");
        concluded("C-3", "2026-03-05T12:00:00Z");
        opened("C-3", "2026-03-20T00:00:05Z");
        concluded("C-3", "2026-03-27T18:00:00Z"); // the 7th day after: on time
        // C-4: a signal's review was open on the due day; its conclusion 6 days later stands for the periodic one
        scheduled("C-4", "2026-02-10T09:00:00Z", "2026-03-10");
        opened("C-4", "2026-03-08T12:00:00Z");
        concluded("C-4", "2026-03-16T12:00:00Z");
        scheduled("C-4", "2026-03-16T12:00:00.001Z", "2026-06-16");
        // C-5: a limit's review date already past when it was set falls due that day, 25 March; never concluded
        scheduled("C-5", "2026-03-25T10:00:00Z", "2026-02-01");
        // C-6: a plan for 30 March and nothing after it: due by the day the KPIs are asked
        scheduled("C-6", "2026-02-28T09:00:00Z", "2026-03-30");

        Clock clock = Clock.fixed(TODAY.atStartOfDay(ZoneOffset.UTC).toInstant(), ZoneOffset.UTC);
        InvoiceProjection invoices = new InvoiceProjection(projections.database(), clock);
        kpis = new KpiProjection(projections.database(), invoices, EUR, clock);
        events.sort(Comparator.comparing(DomainEventMessage::getTimestamp));
        projections.apply(List.of(invoices, kpis), events, 1);
    }

    @AfterAll
    static void stop() {
        projections.close();
    }

    @Test
    void applicationsCountInThePeriodTheirDecisionBecameFinal() {
        assertThat(kpis("2026-03-01", "2026-04-01").applications())
                .as("A-1 to A-3: 6, 30 and 48 hours; A-4's first approval decides nothing")
                .isEqualTo(new ApplicationKpis(3, 1, 1, 1, new BigDecimal("30.0")));
        assertThat(kpis("2026-04-01", "2026-05-01").applications())
                .isEqualTo(new ApplicationKpis(1, 1, 0, 0, new BigDecimal("288.0")));
        assertThat(kpis("2026-05-01", "2026-06-01").applications()).isEqualTo(new ApplicationKpis(0, 0, 0, 0, null));
    }

    @Test
    void periodicReviewsCountByTheirDueDayAndOnTimeWithinTheGrace() {
        // due in March: C-1 (on time), C-3 (on time, the 7th day), C-4 (on time), C-5 and C-6 (not concluded)
        assertThat(kpis("2026-03-01", "2026-04-01").periodicReviews())
                .isEqualTo(new ReviewKpis(5, 3, new BigDecimal("0.600"), 7));
        assertThat(kpis("2026-04-01", "2026-05-01").periodicReviews()).as("C-1 concluded on the 8th day")
                .isEqualTo(new ReviewKpis(1, 0, new BigDecimal("0.000"), 7));
        assertThat(kpis("2026-05-01", "2026-06-01").periodicReviews()).as("C-1's plan, its day come and gone")
                .isEqualTo(new ReviewKpis(1, 0, new BigDecimal("0.000"), 7));
        assertThat(kpis("2026-06-01", "2026-07-01").periodicReviews()).as("C-2's and C-4's plans")
                .isEqualTo(new ReviewKpis(2, 0, new BigDecimal("0.000"), 7));
        assertThat(kpis("2026-07-01", "2026-08-01").periodicReviews()).isEqualTo(new ReviewKpis(0, 0, null, 7));
    }

    @Test
    void theKeptFactsGiveWhatEveryFactGivesAfterBatchesDeliveredAgain() {
        assertThat(projections.redelivered()).as("batches delivered again").isGreaterThan(1);
        for (String[] period : new String[][] {{"2026-01-01", "2027-01-01"}, {"2026-03-01", "2026-04-01"},
                {"2026-03-04T09:00:00Z", "2026-03-06T16:00:00Z"}, {"2026-03-10", "2026-03-11"}}) {
            Instant from = instant(period[0]);
            Instant to = instant(period[1]);
            assertThat(KpiFigures.of(from, to, TODAY, kpis.inputs(from, to), EUR)).as(period[0] + " – " + period[1])
                    .isEqualTo(KpiFigures.of(from, to, TODAY, kpis.inputsTheSlowWay(from, to), EUR));
        }
        Kpis year = kpis("2026-01-01", "2027-01-01");
        assertThat(year.applications().decided()).isEqualTo(4);
        assertThat(year.periodicReviews().due()).isEqualTo(9);
        // A-1 decided at 09:00 on 4 March is in, A-3 at 16:00 on 6 March is not: [from, to)
        assertThat(kpis("2026-03-04T09:00:00Z", "2026-03-06T16:00:00Z").applications().decided()).isEqualTo(1);
    }

    private static Kpis kpis(String from, String to) {
        return KpiFigures.of(instant(from), instant(to), TODAY, kpis.inputs(instant(from), instant(to)), EUR);
    }

    private static Instant instant(String value) {
        return value.length() == 10 ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant()
                : Instant.parse(value);
    }

    private static void filed(String applicationId, String at) {
        String n = applicationId.substring(2);
        event("application:" + applicationId, at, new CreditApplicationFiled("P-" + n, applicationId, "Prospect " + n,
                Segment.SMB, "EUR", Language.nl, null, "sales1", new BigDecimal("80000"), new BigDecimal("20000"),
                30, new VisitReport(Rating.GOOD, Rating.GOOD, Rating.FAIR, Rating.GOOD, null), "sales1"));
    }

    private static void approved(String applicationId, ApplicationDecision decision, String at) {
        String n = applicationId.substring(2);
        event("application:" + applicationId, at, new ApplicationApproved("P-" + n, applicationId, decision,
                new BigDecimal("80000"), decision == ApplicationDecision.APPROVE_WITH_SECURITY
                ? SecurityType.BANK_GUARANTEE : null, "ok", List.of("credit1", "credit2"), "Prospect " + n,
                Segment.SMB, "EUR", Language.nl, null, "sales1", RiskClass.LOW, "credit2"));
    }

    private static void scheduled(String customerId, String at, String dueOn) {
        event(customerId, at, new ReviewScheduled(customerId, LocalDate.parse(dueOn), RiskClass.HIGH, "planned"));
    }

    private static void opened(String customerId, String at) {
        event(customerId, at, new CreditReviewOpened(customerId, customerId + "-R" + at, List.of(), List.of(),
                "review", "credit-desk"));
    }

    private static void concluded(String customerId, String at) {
        event(customerId, at, new CreditReviewConcluded(customerId, customerId + "-R", ReviewOutcome.NO_CHANGE, "seen",
                null, List.of(), List.of(), "credit1"));
    }

    private static void event(String aggregateId, String at, Object payload) {
        long sequence = sequences.merge(aggregateId, 1L, Long::sum) - 1;
        events.add(new GenericDomainEventMessage<>(aggregateId.startsWith("application:") ? "CreditApplication"
                : "CustomerAccount", aggregateId, sequence, payload, MetaData.emptyInstance(),
                UUID.randomUUID().toString(), Instant.parse(at)));
    }
}

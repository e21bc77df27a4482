package com.creditdesk.query.kpi;

import com.creditdesk.api.account.AccountEvents.AccountOpened;
import com.creditdesk.api.account.Language;
import com.creditdesk.api.account.Segment;
import com.creditdesk.api.dunning.DunningEvents.DunningStepReached;
import com.creditdesk.api.dunning.DunningStep;
import com.creditdesk.api.invoice.DisputeOutcome;
import com.creditdesk.api.invoice.InvoiceEvents.DisputeResolved;
import com.creditdesk.api.invoice.InvoiceEvents.InvoiceIssued;
import com.creditdesk.api.kpi.CollectionQueries.CollectionNumbers;
import com.creditdesk.api.kpi.CollectionQueries.CureRate;
import com.creditdesk.api.kpi.CollectionQueries.ManagerNumbers;
import com.creditdesk.api.kpi.CollectionQueries.MonthNumbers;
import com.creditdesk.api.order.OrderEvents.OrderAccepted;
import com.creditdesk.api.order.OrderEvents.OrderReleased;
import com.creditdesk.api.payment.Allocation;
import com.creditdesk.api.payment.PaymentEvents.PaymentRegistered;
import com.creditdesk.query.reporting.ReportingCurrency;
import com.creditdesk.query.support.ProjectionsOnLedger;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The collection numbers from events through the projection, against figures worked out by hand. Every batch is
 * delivered twice, and the first batches' step sums fail to be written after the customers' facts were: a crash
 * half-way, after which the delivery again must add exactly what is missing.
 */
class CollectionLifecycleTest {
    private static final ProjectionsOnLedger projections = new ProjectionsOnLedger("kpi_collection_steps");
    private static final ReportingCurrency EUR = new ReportingCurrency("EUR", Map.of(), null);
    private record Recorded(String aggregateId, Instant at, Object payload) {
    }

    private static final List<Recorded> recorded = new ArrayList<>();
    private static CollectionProjection collections;

    @BeforeAll
    static void applyTheLedger() {
        opened("S-1", Segment.SMB, "sales1");
        opened("E-1", Segment.ENTERPRISE, "sales2");
        event("S-1", "2026-02-20T10:00:00Z", new OrderAccepted("S-1", "O-1", new BigDecimal("5000"), "EUR", null, null, "erp"));
        event("E-1", "2026-04-02T10:00:00Z", new OrderReleased("E-1", "O-2", new BigDecimal("3000"), "ok", null,
                "sales2", "credit1"));
        issued("S-1", "I-1", "1000", "2026-03-01", "2026-03-31");
        issued("S-1", "I-2", "500", "2026-03-10", "2026-04-09");
        issued("S-1", "I-3", "300", "2026-03-15", "2026-04-14");
        issued("E-1", "I-4", "2000", "2026-04-01", "2026-05-16");
        issued("S-1", "I-5", "200", "2026-07-01", "2026-07-31");
        // I-1: REMINDER_1 on 3 April, paid in two parts, in full on the 8th: 5 days after
        step("S-1", "I-1", DunningStep.REMINDER_1, "2026-04-03");
        paid("S-1", "P-1", "400", "2026-04-05", "I-1");
        paid("S-1", "P-2", "600", "2026-04-08", "I-1");
        // I-2: REMINDER_1 on 12 April, REMINDER_2 on the 19th, paid on 1 May: 19 and 12 days after
        step("S-1", "I-2", DunningStep.REMINDER_1, "2026-04-12");
        step("S-1", "I-2", DunningStep.REMINDER_2, "2026-04-19");
        paid("S-1", "P-3", "500", "2026-05-01", "I-2");
        // I-3: REMINDER_1 on 17 April, never paid
        step("S-1", "I-3", DunningStep.REMINDER_1, "2026-04-17");
        // I-4: REMINDER_1 on 23 May, a credit note for all of it on the 25th
        step("E-1", "I-4", DunningStep.REMINDER_1, "2026-05-23");
        event("E-1", "2026-05-25T10:00:00Z", new DisputeResolved("E-1", "I-4", DisputeOutcome.CREDITED,
                new BigDecimal("2000"), BigDecimal.ZERO, "credited", "credit1"));

        collections = new CollectionProjection(projections.database(), EUR);
        // the account's sequence follows time, as the aggregate records them
        Map<String, Long> sequences = new HashMap<>();
        List<DomainEventMessage<?>> events = recorded.stream().sorted(Comparator.comparing(Recorded::at))
                .<DomainEventMessage<?>>map(r -> new GenericDomainEventMessage<>("CustomerAccount", r.aggregateId(),
                        sequences.merge(r.aggregateId(), 1L, Long::sum) - 1, r.payload(), MetaData.emptyInstance(),
                        UUID.randomUUID().toString(), r.at())).toList();
        projections.apply(List.of(collections), events, 1);
    }

    @AfterAll
    static void stop() {
        projections.close();
    }

    @Test
    void cureRatesPerStepAndSegmentCountInvoicesPaidInFullWithinTheirDays() {
        CollectionNumbers numbers = numbers("2026-07-15");
        assertThat(numbers.months()).hasSize(12).startsWith("2025-08").endsWith("2026-07");
        assertThat(numbers.cureRates()).hasSize(15);
        assertThat(cure(numbers.cureRates(), DunningStep.REMINDER_1, Segment.SMB)).as("I-1 in 5 days, I-2 in 19, I-3 never")
                .isEqualTo(new CureRate(DunningStep.REMINDER_1, Segment.SMB, 3, 1, 1, 2, new BigDecimal("0.333"),
                        new BigDecimal("0.333"), new BigDecimal("0.667"), new BigDecimal("1500.00")));
        assertThat(cure(numbers.cureRates(), DunningStep.REMINDER_2, Segment.SMB)).as("I-2 in 12 days")
                .isEqualTo(new CureRate(DunningStep.REMINDER_2, Segment.SMB, 1, 0, 1, 1, new BigDecimal("0.000"),
                        new BigDecimal("1.000"), new BigDecimal("1.000"), new BigDecimal("500.00")));
        assertThat(cure(numbers.cureRates(), DunningStep.REMINDER_1, Segment.ENTERPRISE)).as("a credit note settles")
                .isEqualTo(new CureRate(DunningStep.REMINDER_1, Segment.ENTERPRISE, 1, 1, 1, 1, new BigDecimal("1.000"),
                        new BigDecimal("1.000"), new BigDecimal("1.000"), new BigDecimal("2000.00")));
        assertThat(cure(numbers.cureRates(), DunningStep.CALL, Segment.SMB))
                .isEqualTo(new CureRate(DunningStep.CALL, Segment.SMB, 0, 0, 0, 0, null, null, null, new BigDecimal("0.00")));
        MonthNumbers april = month(numbers, "2026-04");
        assertThat(april.cureRates()).extracting(CureRate::step, CureRate::segment)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(DunningStep.REMINDER_1, Segment.SMB),
                        org.assertj.core.groups.Tuple.tuple(DunningStep.REMINDER_2, Segment.SMB));
        assertThat(month(numbers, "2026-05").cureRates()).singleElement()
                .extracting(CureRate::segment).isEqualTo(Segment.ENTERPRISE);
    }

    @Test
    void aPastDateCountsOnlyWhatHadHappenedByThen() {
        CollectionNumbers numbers = numbers("2026-04-30");
        assertThat(numbers.months()).endsWith("2026-04");
        assertThat(cure(numbers.cureRates(), DunningStep.REMINDER_1, Segment.SMB)).as("only I-1 paid by then")
                .isEqualTo(new CureRate(DunningStep.REMINDER_1, Segment.SMB, 3, 1, 1, 1, new BigDecimal("0.333"),
                        new BigDecimal("0.333"), new BigDecimal("0.333"), new BigDecimal("1000.00")));
        assertThat(cure(numbers.cureRates(), DunningStep.REMINDER_2, Segment.SMB).paidWithin30()).isZero();
        assertThat(numbers).isEqualTo(numbers("2026-04-30"));
    }

    @Test
    void perAccountManagerBookedAgainstCollectedOverdueShareAndDso() {
        CollectionNumbers numbers = numbers("2026-07-15");
        // sales1: I-3 (300, overdue since 15 April) and I-5 (200, due 31 July) open; 200 invoiced in the 90 days
        assertThat(numbers.accountManagers()).containsExactly(
                new ManagerNumbers("sales1", new BigDecimal("5000.00"), new BigDecimal("1500.00"),
                        new BigDecimal("500.00"), new BigDecimal("300.00"), new BigDecimal("0.600"), new BigDecimal("225.0")),
                new ManagerNumbers("sales2", new BigDecimal("3000.00"), new BigDecimal("0.00"),
                        new BigDecimal("0.00"), new BigDecimal("0.00"), null, null));
        MonthNumbers april = month(numbers, "2026-04");
        assertThat(april.end()).isEqualTo(LocalDate.parse("2026-04-30"));
        // at the end of April sales1 had I-2 and I-3 open and overdue (800 of 1 800 invoiced in the 90 days)
        assertThat(april.accountManagers()).containsExactly(
                new ManagerNumbers("sales1", new BigDecimal("0.00"), new BigDecimal("1000.00"),
                        new BigDecimal("800.00"), new BigDecimal("800.00"), new BigDecimal("1.000"), new BigDecimal("40.0")),
                new ManagerNumbers("sales2", new BigDecimal("3000.00"), new BigDecimal("0.00"),
                        new BigDecimal("2000.00"), new BigDecimal("0.00"), new BigDecimal("0.000"), new BigDecimal("90.0")));
        assertThat(april.booked()).isEqualByComparingTo("3000");
        assertThat(april.collected()).isEqualByComparingTo("1000");
        assertThat(month(numbers, "2026-02").booked()).isEqualByComparingTo("5000");
    }

    @Test
    void batchesDeliveredAgainAddNothingTwice() {
        assertThat(projections.redelivered()).as("batches delivered again").isGreaterThan(1);
        assertThat(cure(numbers("2026-07-15").cureRates(), DunningStep.REMINDER_1, Segment.SMB).reached()).isEqualTo(3);
    }

    private static CollectionNumbers numbers(String asOf) {
        return CollectionFigures.of(LocalDate.parse(asOf), collections.inputs(LocalDate.parse(asOf)), EUR);
    }

    static CureRate cure(List<CureRate> rates, DunningStep step, Segment segment) {
        return rates.stream().filter(r -> r.step() == step && r.segment() == segment).findFirst().orElseThrow();
    }

    private static MonthNumbers month(CollectionNumbers numbers, String month) {
        return numbers.monthly().stream().filter(m -> m.month().equals(month)).findFirst().orElseThrow();
    }

    private static void opened(String customerId, Segment segment, String manager) {
        event(customerId, "2026-01-05T09:00:00Z", new AccountOpened(customerId, "Customer " + customerId, segment, "EUR",
                manager, Language.nl, "erp", null));
    }

    private static void issued(String customerId, String invoiceId, String amount, String issued, String due) {
        event(customerId, issued + "T08:00:00Z", new InvoiceIssued(customerId, invoiceId, null, new BigDecimal(amount),
                "EUR", LocalDate.parse(issued), LocalDate.parse(due), null, "erp"));
    }

    private static void step(String customerId, String invoiceId, DunningStep step, String on) {
        event(customerId, on + "T00:00:05Z", new DunningStepReached(customerId, invoiceId, step, LocalDate.parse(on),
                3, BigDecimal.TEN, "EUR", null, null));
    }

    private static void paid(String customerId, String paymentId, String amount, String on, String invoiceId) {
        event(customerId, on + "T12:00:00Z", new PaymentRegistered(customerId, paymentId, new BigDecimal(amount), "EUR",
                LocalDate.parse(on), invoiceId, List.of(new Allocation(invoiceId, new BigDecimal(amount))),
                BigDecimal.ZERO, "erp"));
    }

    private static void event(String aggregateId, String at, Object payload) {
        recorded.add(new Recorded(aggregateId, Instant.parse(at), payload));
    }
}

package com.creditdesk.query.account;

import com.creditdesk.command.dunning.CourtesyCallSettings;
import com.creditdesk.api.account.AccountCommands.LiftHold;
import com.creditdesk.api.account.AccountCommands.OpenAccount;
import com.creditdesk.api.account.AccountCommands.PutOnHold;
import com.creditdesk.api.account.AccountCommands.RegisterSecurity;
import com.creditdesk.api.account.AccountCommands.SetCreditLimit;
import com.creditdesk.api.account.AccountView;
import com.creditdesk.api.account.Language;
import com.creditdesk.api.account.LimitSource;
import com.creditdesk.api.account.RiskClass;
import com.creditdesk.api.account.SecurityType;
import com.creditdesk.api.account.Segment;
import com.creditdesk.api.common.Roles;
import com.creditdesk.api.dunning.DunningCommands.AdvanceDunning;
import com.creditdesk.api.invoice.DisputeOutcome;
import com.creditdesk.api.invoice.InvoiceCommands.ApproveCollectionHandover;
import com.creditdesk.api.invoice.InvoiceCommands.DisputeInvoice;
import com.creditdesk.api.invoice.InvoiceCommands.IssueInvoice;
import com.creditdesk.api.invoice.InvoiceCommands.PromisePayment;
import com.creditdesk.api.invoice.InvoiceCommands.ResolveDispute;
import com.creditdesk.api.order.CreditDecision;
import com.creditdesk.api.order.OrderCommands.CancelOrder;
import com.creditdesk.api.order.OrderCommands.DecideRelease;
import com.creditdesk.api.order.OrderCommands.OrderPlacement;
import com.creditdesk.api.order.OrderCommands.PlaceOrder;
import com.creditdesk.api.order.OrderCommands.RequestRelease;
import com.creditdesk.api.order.ProposedMeasure;
import com.creditdesk.api.order.ReleaseDecision;
import com.creditdesk.api.payment.PaymentCommands.RegisterPayment;
import com.creditdesk.api.signal.ReviewOutcome;
import com.creditdesk.api.signal.Severity;
import com.creditdesk.api.signal.SignalCategory;
import com.creditdesk.api.signal.SignalCommands.ConcludeReview;
import com.creditdesk.api.signal.SignalCommands.ReportSalesSignal;
import com.creditdesk.api.signal.SignalCommands.SetRiskClass;
import com.creditdesk.command.account.CustomerAccount;
import com.creditdesk.command.dunning.ReminderTemplates;
import com.creditdesk.command.signal.ReviewCycles;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.BaseMatcher;
import org.hamcrest.Description;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The credit figures agree on both sides: random histories of an account (limits, securities, orders and
 * their release, invoices, payments, disputes and credit notes, promises, hand-overs, reviews, days passing)
 * are recorded by the aggregate, then folded through the query side's evolution, and on several days after
 * the history the figures the account decides with (a probe order's credit decision) equal the account view's.
 * In this package because the query side's evolution is package-private; the aggregate runs in Axon's fixture.
 */
class CreditFiguresAgreementTest {
    private static final String C = "C-1";
    private static final LocalDate START = LocalDate.of(2026, 1, 5);
    private static final int COMMANDS = 60;

    @ParameterizedTest(name = "history {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12})
    void theAccountAndItsViewShowTheSameFiguresAfterAnyHistory(long seed) {
        History history = new History(new Random(seed));
        for (int i = 0; i < COMMANDS; i++) {
            history.record(history.next());
        }
        for (int daysLater : new int[]{0, 20, 45, 120}) {
            LocalDate day = history.today.plusDays(daysLater);
            CreditDecision decision = history.probe(day);
            AccountView view = folded(history.events).viewOn(day);
            String on = "seed " + seed + ", " + day + ", " + history.events.size() + " events";
            assertThat(view.effectiveLimit()).as("effective limit, " + on).isEqualByComparingTo(decision.effectiveLimit());
            assertThat(view.activeSecurities()).as("securities, " + on).isEqualByComparingTo(decision.activeSecurities());
            assertThat(view.exposure()).as("exposure, " + on).isEqualByComparingTo(decision.exposureBefore());
            assertThat(view.overdueBalance()).as("overdue, " + on).isEqualByComparingTo(decision.overdueBalance());
            assertThat(view.availableCredit()).as("available, " + on).isEqualByComparingTo(decision.effectiveLimit()
                    .add(decision.activeSecurities()).subtract(decision.exposureBefore()));
        }
        assertThat(history.accepted).as("the history did something").isGreaterThan(COMMANDS / 3);
    }

    private static AccountRecord folded(List<Object> events) {
        AccountRecord account = AccountEvolution.opened(events.get(0), 0).orElseThrow();
        for (int i = 1; i < events.size(); i++) {
            account = AccountEvolution.apply(account, events.get(i)).at(i);
        }
        return account;
    }

    /** One account's life: random commands on moving days, the events the aggregate recorded for them. */
    private static final class History {
        private final Random random;
        private final MovableClock clock = new MovableClock();
        private final FixtureConfiguration<CustomerAccount> fixture = new AggregateTestFixture<>(CustomerAccount.class);
        private final List<Object> events = new ArrayList<>();
        private final List<String> orders = new ArrayList<>();
        private final List<String> invoices = new ArrayList<>();
        private LocalDate today = START;
        private int accepted;
        private int ids;

        History(Random random) {
            this.random = random;
            fixture.registerInjectableResource(clock);
            fixture.registerInjectableResource(new ReminderTemplates());
            fixture.registerInjectableResource(ReviewCycles.STANDARD);
        fixture.registerInjectableResource(CourtesyCallSettings.STANDARD);
            clock.moveTo(today);
            events.addAll(run(fixture.givenNoPriorActivity(), new OpenAccount(C, "Bakkerij Peeters", Segment.SMB,
                    "EUR", "sales1", Language.nl, "erp", null)));
        }

        Object next() {
            if (random.nextInt(5) == 0) {
                today = today.plusDays(1 + random.nextInt(20));
            }
            return switch (random.nextInt(17)) {
                case 0 -> new SetCreditLimit(C, amount(5_000, 60_000), random.nextBoolean() ? LimitSource.ANALYST
                        : LimitSource.INSURER, "review", null, "credit1");
                case 1 -> new RegisterSecurity(C, "G-" + (++ids), random.nextBoolean() ? SecurityType.BANK_GUARANTEE
                        : SecurityType.PREPAYMENT, amount(500, 10_000),
                        random.nextBoolean() ? null : today.plusDays(random.nextInt(90)), "credit1");
                case 2, 3, 4 -> order();
                case 5 -> new CancelOrder(C, pick(orders), "customer changed the order", "erp");
                case 6 -> new RequestRelease(C, pick(orders), "good customer", ProposedMeasure.NONE, "sales1");
                case 7 -> new DecideRelease(C, pick(orders), random.nextInt(3) == 0 ? ReleaseDecision.REJECT
                        : ReleaseDecision.RELEASE, "decided", null, "credit1");
                case 8, 9 -> invoice();
                case 10, 11 -> new RegisterPayment(C, "P-" + (++ids), amount(100, 20_000), "EUR", today,
                        random.nextBoolean() ? null : pick(invoices), "erp");
                case 12 -> new DisputeInvoice(C, pick(invoices), "short delivery", "sales1");
                case 13 -> random.nextBoolean()
                        ? new ResolveDispute(C, pick(invoices), DisputeOutcome.CREDITED, amount(50, 3_000), "agreed",
                        "credit1")
                        : new ResolveDispute(C, pick(invoices), DisputeOutcome.REJECTED, null, "signed", "credit1");
                case 14 -> new PromisePayment(C, pick(invoices), today.plusDays(random.nextInt(10)), amount(50, 2_000),
                        "sales1");
                case 15 -> random.nextBoolean()
                        ? new ApproveCollectionHandover(C, pick(invoices), "Agency NV", "no answer", "credit1",
                        Set.of(Roles.CREDIT))
                        : new ApproveCollectionHandover(C, pick(invoices), "Agency NV", "agreed", "sales1",
                        Set.of(Roles.SALES));
                default -> switch (random.nextInt(5)) {
                    case 0 -> new PutOnHold(C, "payment behaviour", "credit1");
                    case 1 -> new LiftHold(C, "paid", "credit1");
                    case 2 -> new ReportSalesSignal(C, "S-" + (++ids), SignalCategory.PAYMENT_RUMOURS, Severity.HIGH,
                            "heard at the wholesaler", today, "sales1");
                    case 3 -> random.nextBoolean()
                            ? new ConcludeReview(C, ReviewOutcome.LIMIT_CHANGED, "lower", amount(1_000, 20_000), "credit1")
                            : new SetRiskClass(C, RiskClass.values()[random.nextInt(3)], "review", "credit1");
                    default -> new AdvanceDunning(C, pick(invoices));
                };
            };
        }

        private Object order() {
            String orderId = "O-" + (++ids);
            orders.add(orderId);
            return new PlaceOrder(C, orderId, amount(200, 15_000), "EUR", null, "erp");
        }

        private Object invoice() {
            String invoiceId = "I-" + (++ids);
            invoices.add(invoiceId);
            String orderId = random.nextInt(4) == 0 ? null : pick(orders);
            LocalDate dueDate = random.nextBoolean() ? null : today.plusDays(random.nextInt(60) - 10);
            return new IssueInvoice(C, invoiceId, orderId, amount(200, 15_000), "EUR", today.minusDays(
                    random.nextInt(20)), dueDate, "erp");
        }

        /** The command on today's date; a refused command records nothing and the history goes on. */
        void record(Object command) {
            clock.moveTo(today);
            List<Object> recorded = run(fixture.given(events), command);
            accepted += recorded.isEmpty() ? 0 : 1;
            events.addAll(recorded);
        }

        /** What the account decides with on {@code day}: the credit decision of a small order, not recorded. */
        CreditDecision probe(LocalDate day) {
            clock.moveTo(day);
            OrderPlacement[] placement = new OrderPlacement[1];
            fixture.given(events).when(new PlaceOrder(C, "PROBE", new BigDecimal("0.01"), "EUR", null, "erp"))
                    .expectResultMessagePayloadMatching(new Capture<>(payload -> placement[0] = (OrderPlacement) payload));
            return placement[0].decision();
        }

        private List<Object> run(org.axonframework.test.aggregate.TestExecutor<CustomerAccount> given, Object command) {
            List<Object> recorded = new ArrayList<>();
            given.when(command).expectEventsMatching(new Capture<>(messages -> ((List<?>) messages)
                    .forEach(message -> recorded.add(((EventMessage<?>) message).getPayload()))));
            return recorded;
        }

        private BigDecimal amount(int from, int to) {
            return BigDecimal.valueOf(from * 100L + random.nextInt((to - from) * 100), 2);
        }

        private String pick(List<String> ids) {
            return ids.isEmpty() ? "none" : ids.get(random.nextInt(ids.size()));
        }
    }

    /** Hands what the fixture produced to the test, and accepts it: the figures are compared afterwards. */
    private static final class Capture<T> extends BaseMatcher<T> {
        private final java.util.function.Consumer<Object> sink;

        Capture(java.util.function.Consumer<Object> sink) {
            this.sink = sink;
        }

        @Override
        public boolean matches(Object actual) {
            sink.accept(actual);
            return true;
        }

        @Override
        public void describeTo(Description description) {
            description.appendText("anything (captured)");
        }
    }

    /** The account's clock, on the history's day at 09:30 UTC. */
    private static final class MovableClock extends Clock {
        private Instant now;

        void moveTo(LocalDate day) {
            now = day.atTime(9, 30).toInstant(ZoneOffset.UTC);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("the account's clock stays in UTC");
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}

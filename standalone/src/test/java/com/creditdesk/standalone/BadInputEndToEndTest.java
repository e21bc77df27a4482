package com.creditdesk.standalone;

import com.creditdesk.standalone.support.Api;
import com.creditdesk.standalone.support.Api.Answer;
import com.creditdesk.standalone.support.RunningCreditDesk;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad input gets the contract's problem+json answer, never a 500, and nothing is recorded. One table
 * names every endpoint that takes a body, with a valid body and the kind of each field; one list of
 * mutations per kind of field (and per kind of path id) turns the table into the cases. Every case is
 * sent against one account (with an order and an invoice) whose event count must not move; endpoints
 * that touch no account are checked against the store's head.
 */
class BadInputEndToEndTest {
    private static final String HUGE_TEXT = "x".repeat(70 * 1024);
    private static final String TOO_LONG_ID = "X".repeat(65);
    private static final String JSON = "application/json";

    private static CreditDeskStandalone app;
    private static Api commands;
    private static Api queries;
    /** The account every case is sent to, with an accepted order and an invoice issued today. */
    private static String customerId;

    @BeforeAll
    static void openAccount() {
        // an instance of its own: the head of its store moves only with what this class sends
        app = RunningCreditDesk.start(RunningCreditDesk.tempDir());
        commands = new Api(app.commandPort());
        queries = new Api(app.queryPort());
        customerId = CreditAccountEndToEndTest.openAccount(commands, "SMB");
        commands.put("credit1", "/api/accounts/" + customerId + "/credit-limit",
                Map.of("amount", 1000, "source", "ANALYST", "reason", "start"));
        // issued today: no dunning step falls due, so nothing but a refused command could record an event here
        String today = commands.get("admin", "/api/admin/clock").json().get("now").asText().substring(0, 10);
        assertThat(commands.post("erp", "/api/accounts/" + customerId + "/invoices", Map.of("invoiceId",
                "I-bad-" + customerId, "amount", 500, "currency", "EUR", "issueDate", today)).status()).isEqualTo(201);
        assertThat(commands.post("erp", "/api/accounts/" + customerId + "/orders", Map.of("orderId",
                "O-bad-" + customerId, "amount", 100, "currency", "EUR")).status()).isEqualTo(201);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    // ---- the table: every endpoint that takes a body --------------------------------------------------

    /** Where an endpoint lives; {c}, {o}, {i} and {p} in paths are the account, order, invoice and projection. */
    enum Side { COMMAND, QUERY }

    record Endpoint(String name, Side side, String user, String method, String path, boolean touchesNoAccount,
                    List<Field> fields, List<Extra> extras) {
        Endpoint with(Extra... more) {
            return new Endpoint(name, side, user, method, path, touchesNoAccount, fields,
                    Stream.concat(extras.stream(), Stream.of(more)).toList());
        }

        Endpoint noAccount() {
            return new Endpoint(name, side, user, method, path, true, fields, extras);
        }

        /** The same endpoint with one of the ids in its path replaced. */
        Endpoint at(String placeholder, String id) {
            return new Endpoint(name, side, user, method, path.replace(placeholder, id), touchesNoAccount, fields,
                    extras);
        }

        /** The valid body, with one field left out (raw null) or given this raw JSON instead. */
        String body(String changed, String raw) {
            Map<String, String> values = new LinkedHashMap<>();
            fields.forEach(field -> values.put(field.name(), field.valid()));
            if (changed != null) {
                values.remove(changed);
                if (raw != null) {
                    values.put(changed, raw);
                }
            }
            return values.entrySet().stream().map(entry -> quoted(entry.getKey()) + ":" + entry.getValue())
                    .collect(Collectors.joining(",", "{", "}"));
        }

        Case caseOf(String label, String body, int status) {
            return caseOf(label, body, JSON, status);
        }

        Case caseOf(String label, String body, String contentType, int status) {
            return new Case(label, this, path, body, contentType, status);
        }
    }

    /** A field of a body and a valid value for it, as raw JSON. */
    record Field(String name, Kind kind, String valid) {
    }

    /** A case of one endpoint alone: a label, a body (null: the valid one) and the expected status. */
    record Extra(String label, String body, int status, String contentType) {
        Extra(String label, String body, int status) {
            this(label, body, status, JSON);
        }
    }

    /** A bank statement's XML file, its statement id filled in. */
    private static String camt(String name) {
        return BankStatementEndToEndTest.camt(name, Map.of("STATEMENT", "S-bad-file"));
    }

    private static final String XML = "application/xml";

    private static final List<Endpoint> ENDPOINTS = List.of(
            command("open an account", "erp", "POST /api/accounts",
                    f("customerId", Kind.ID, "C-bad-new"), f("name", Kind.TEXT, "Bakkerij Nieuw"),
                    f("segment", Kind.CHOICE, "SMB"), f("currency", Kind.CURRENCY, "EUR"),
                    f("accountManager", Kind.TEXT, "sales1"), f("language", Kind.CHOICE, "nl"),
                    f("email", Kind.EMAIL, "boekhouding@example.com")).noAccount(),
            command("set the credit limit", "credit1", "PUT /api/accounts/{c}/credit-limit",
                    f("amount", Kind.LIMIT, "1500"), f("source", Kind.CHOICE, "ANALYST"),
                    f("reason", Kind.TEXT, "review"), f("reviewDate", Kind.OPTIONAL_DATE, "2099-01-01")),
            command("register a security", "credit1", "POST /api/accounts/{c}/securities",
                    f("securityId", Kind.ID, "S-bad-1"), f("type", Kind.CHOICE, "BANK_GUARANTEE"),
                    f("amount", Kind.AMOUNT, "200"), f("validUntil", Kind.OPTIONAL_DATE, "2099-01-01")),
            command("place an order", "erp", "POST /api/accounts/{c}/orders",
                    f("orderId", Kind.ID, "O-bad-new"), f("amount", Kind.AMOUNT, "100"),
                    f("currency", Kind.ACCOUNT_CURRENCY, "EUR"), f("description", Kind.OPTIONAL_TEXT, "tiles")),
            command("cancel an order", "erp", "POST /api/accounts/{c}/orders/{o}/cancel",
                    f("reason", Kind.TEXT, "customer changed mind")),
            command("request a release", "sales1", "POST /api/accounts/{c}/orders/{o}/release-requests",
                    f("justification", Kind.TEXT, "good customer"), f("proposedMeasure", Kind.CHOICE, "PREPAYMENT")),
            command("decide a release", "credit1", "POST /api/accounts/{c}/orders/{o}/release-decision",
                    f("decision", Kind.CHOICE, "RELEASE"), f("note", Kind.TEXT, "ok"),
                    f("conditions", Kind.OPTIONAL_TEXT, "prepay half"))
                    .with(new Extra("order not blocked", null, 409)),
            command("issue an invoice", "erp", "POST /api/accounts/{c}/invoices",
                    f("invoiceId", Kind.ID, "I-bad-new"), f("orderId", Kind.ORDER_REFERENCE, "O-bad-{c}"),
                    f("amount", Kind.AMOUNT, "100"), f("currency", Kind.ACCOUNT_CURRENCY, "EUR"),
                    f("issueDate", Kind.DATE, "2026-03-01"), f("dueDate", Kind.OPTIONAL_DATE, "2026-04-01"))
                    .with(new Extra("due before issued", "{\"invoiceId\":\"I-bad-new\",\"amount\":100,"
                            + "\"currency\":\"EUR\",\"issueDate\":\"2026-03-01\",\"dueDate\":\"2026-02-01\"}", 400)),
            command("register a payment", "erp", "POST /api/accounts/{c}/payments",
                    f("paymentId", Kind.ID, "P-bad-new"), f("amount", Kind.AMOUNT, "100"),
                    f("currency", Kind.ACCOUNT_CURRENCY, "EUR"), f("receivedOn", Kind.DATE, "2026-03-01"),
                    f("invoiceId", Kind.INVOICE_REFERENCE, "I-bad-{c}")),
            command("dispute an invoice", "sales1", "POST /api/accounts/{c}/invoices/{i}/disputes",
                    f("reason", Kind.TEXT, "damaged")),
            command("resolve a dispute", "credit1", "POST /api/accounts/{c}/invoices/{i}/disputes/resolution",
                    f("outcome", Kind.CHOICE, "CREDITED"), f("creditNoteAmount", Kind.OPTIONAL_LIMIT, "100"),
                    f("note", Kind.TEXT, "ok"))
                    .with(new Extra("no open dispute", null, 409)),
            command("promise a payment", "sales1", "POST /api/accounts/{c}/invoices/{i}/payment-promises",
                    f("promisedOn", Kind.DATE, "2099-01-01"), f("amount", Kind.AMOUNT, "100"))
                    .with(new Extra("in the past", "{\"promisedOn\":\"2001-01-01\",\"amount\":100}", 400),
                            new Extra("above the balance", "{\"promisedOn\":\"2099-01-01\",\"amount\":900}", 409)),
            command("record a courtesy call", "sales1", "POST /api/accounts/{c}/invoices/{i}/courtesy-call",
                    f("note", Kind.TEXT, "reminded of the terms")),
            command("approve a hand-over", "credit1",
                    "POST /api/accounts/{c}/invoices/{i}/collection-handover/approvals",
                    f("agency", Kind.TEXT, "Incasso Noord"), f("note", Kind.OPTIONAL_TEXT, "late")),
            command("put on hold", "credit1", "POST /api/accounts/{c}/hold", f("reason", Kind.TEXT, "fraud")),
            command("lift the hold", "credit1", "DELETE /api/accounts/{c}/hold", f("reason", Kind.TEXT, "cleared")),
            command("report a signal", "sales1", "POST /api/accounts/{c}/sales-signals",
                    f("signalId", Kind.ID, "G-bad-1"), f("category", Kind.CHOICE, "EMPTY_PREMISES"),
                    f("severity", Kind.CHOICE, "HIGH"), f("note", Kind.TEXT, "no trucks"),
                    f("observedOn", Kind.DATE, "2026-03-01")),
            command("conclude a review", "credit1", "POST /api/accounts/{c}/reviews/current/conclusion",
                    f("outcome", Kind.CHOICE, "LIMIT_CHANGED"), f("note", Kind.TEXT, "ok"),
                    f("newLimit", Kind.OPTIONAL_LIMIT, "800"))
                    .with(new Extra("no open review", null, 409)),
            command("set the risk class", "credit1", "PUT /api/accounts/{c}/risk-class",
                    f("riskClass", Kind.CHOICE, "HIGH"), f("reason", Kind.TEXT, "late payer")),
            command("agree payment terms", "sales1", "POST /api/accounts/{c}/payment-terms",
                    f("days", Kind.DAYS, "60"), f("reason", Kind.TEXT, "big customer")),
            command("approve payment terms", "credit1", "POST /api/accounts/{c}/payment-terms/approval",
                    f("approve", Kind.BOOLEAN, "true"), f("note", Kind.TEXT, "ok"))
                    .with(new Extra("nothing awaiting approval", null, 409)),
            command("file a credit application", "sales1", "POST /api/applications",
                    f("applicationId", Kind.ID, "A-bad-new"), f("customerId", Kind.ID, "C-bad-prospect"),
                    f("prospectName", Kind.TEXT, "Bouwbedrijf Nieuw"), f("segment", Kind.CHOICE, "SMB"),
                    f("currency", Kind.CURRENCY, "EUR"), f("language", Kind.CHOICE, "nl"),
                    f("email", Kind.EMAIL, "boekhouding@example.com"), f("requestedLimit", Kind.AMOUNT, "80000"),
                    f("expectedMonthlyVolume", Kind.AMOUNT, "25000"), f("requestedTermDays", Kind.DAYS, "45"),
                    f("visit", Kind.OBJECT, "{\"premises\":\"GOOD\",\"activity\":\"GOOD\",\"staff\":\"FAIR\","
                            + "\"paymentReputation\":\"GOOD\"}")).noAccount()
                    .with(new Extra("a visit without its ratings", "{\"applicationId\":\"A-bad-new\","
                            + "\"customerId\":\"C-bad-prospect\",\"prospectName\":\"X\",\"segment\":\"SMB\","
                            + "\"currency\":\"EUR\",\"language\":\"nl\",\"requestedLimit\":1,"
                            + "\"expectedMonthlyVolume\":1,\"requestedTermDays\":30,\"visit\":{}}", 400)),
            command("screen a credit application", "credit1", "POST /api/applications/A-bad-none/screening",
                    f("identityChecked", Kind.BOOLEAN, "true"), f("vatNumberChecked", Kind.BOOLEAN, "true"),
                    f("annualAccountsRead", Kind.BOOLEAN, "true"), f("insurerCoverAsked", Kind.BOOLEAN, "true"),
                    f("externalRating", Kind.TEXT, "A2"), f("externalScore", Kind.SCORE, "80"),
                    f("equityRatio", Kind.RATIO, "0.30"), f("yearsInBusiness", Kind.COUNT, "6")).noAccount()
                    .with(new Extra("unknown application", null, 404)),
            command("decide a credit application", "credit1", "POST /api/applications/A-bad-none/decision",
                    f("decision", Kind.CHOICE, "APPROVE"), f("limit", Kind.OPTIONAL_AMOUNT, "40000"),
                    f("note", Kind.TEXT, "ok")).noAccount()
                    .with(new Extra("unknown application", null, 404)),
            command("set a group limit", "credit1", "PUT /api/groups/G-bad",
                    f("name", Kind.TEXT, "Groep Nieuw"), f("limit", Kind.AMOUNT, "10000"),
                    f("currency", Kind.CURRENCY, "EUR"), f("reason", Kind.TEXT, "group accounts")).noAccount(),
            command("take an account into a group", "credit1", "PUT /api/groups/G-bad-none/members/{c}",
                    f("currency", Kind.CURRENCY, "EUR"))
                    .with(new Extra("unknown group", null, 404)),
            command("assign a bank line", "credit1", "POST /api/bank-statements/S-bad-none/lines/E1/assignment",
                    f("customerId", Kind.ID, "C-bad-payer"), f("invoiceId", Kind.INVOICE_REFERENCE, "I-bad-{c}"))
                    .noAccount().with(new Extra("unknown statement", null, 404)),
            // an XML body: its own cases, no JSON mutations (each file is refused before anything is recorded)
            new Endpoint("import a bank statement", Side.COMMAND, "erp", "POST", "/api/bank-statements", true,
                    List.of(), List.of(
                    new Extra("malformed XML", camt("malformed.xml"), 400, XML),
                    new Extra("wrong namespace", camt("wrong-namespace.xml"), 400, XML),
                    new Extra("a payment order, not a statement", camt("payment-order.xml"), 400, XML),
                    new Extra("a credit entry without its amount", camt("missing-amount.xml"), 400, XML),
                    new Extra("not XML", "hello", 400, XML),
                    new Extra("empty body", "", 400, XML),
                    new Extra("an external entity", "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM "
                            + "\"file:///etc/passwd\">]><Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:"
                            + "camt.053.001.02\"><BkToCstmrStmt><Stmt><Id>&x;</Id></Stmt></BkToCstmrStmt>"
                            + "</Document>", 400, XML),
                    new Extra("body over 64 KiB", camt("missing-amount.xml").replace("<Stmt>",
                            "<!--" + HUGE_TEXT + "--><Stmt>"), 413, XML),
                    new Extra("JSON", "{\"statementId\":\"S-1\"}", 415, JSON),
                    new Extra("plain text", camt("statement.xml"), 415, "text/plain"),
                    new Extra("no content type", camt("statement.xml"), 415, null))),
            // the valid body lies in the past, so no mutation of it can move the shared clock forward
            command("move the clock", "admin", "POST /api/admin/clock",
                    f("now", Kind.INSTANT, "2001-01-01T00:00:00Z")).noAccount()
                    .with(new Extra("backwards", null, 409)),
            new Endpoint("replay projections", Side.QUERY, "admin", "POST", "/api/admin/projections/{p}/replay",
                    true, List.of(), List.of()),
            new Endpoint("simulate a policy", Side.QUERY, "analyst1", "POST", "/api/analysis/policy-simulation", true,
                    List.of(f("from", Kind.OPTIONAL_INSTANT, "2026-01-01T00:00:00Z"),
                            f("to", Kind.OPTIONAL_INSTANT, "2026-02-01T00:00:00Z"),
                            f("policy", Kind.OBJECT, "{\"overdueDaysTolerance\":10}")),
                    List.of(new Extra("negative tolerance", "{\"policy\":{\"overdueDaysTolerance\":-1}}", 400),
                            new Extra("tolerance as a string", "{\"policy\":{\"overdueDaysTolerance\":\"10\"}}", 400),
                            new Extra("zero multiplier", "{\"policy\":{\"limitMultiplier\":0}}", 400),
                            new Extra("negative group multiplier", "{\"policy\":{\"groupLimitMultiplier\":-1}}", 400),
                            new Extra("over-precise share", "{\"policy\":{\"overdueShareTolerance\":0.123456}}", 400),
                            new Extra("reviewsBlock as a string", "{\"policy\":{\"reviewsBlock\":\"yes\"}}", 400),
                            new Extra("unknown policy parameter", "{\"policy\":{\"generosity\":11}}", 400),
                            new Extra("from after to", "{\"from\":\"2026-03-01T00:00:00Z\","
                                    + "\"to\":\"2026-02-01T00:00:00Z\"}", 400))));

    // ---- the mutations ----------------------------------------------------------------------------------

    /** What a field holds, and so which wrong values it is sent (raw JSON, as a hostile client would). */
    enum Kind {
        ID(true, bad("with a space", "\"X bad\""), bad("too long", quoted(TOO_LONG_ID)), bad("empty", "\"\""),
                bad("with a slash", "\"X/1\""), bad("not ASCII", "\"X-\u00e9\""), bad("a number", "42")),
        ORDER_REFERENCE(false, bad("with a space", "\"O bad\""), bad("a number", "42"),
                new Mutation("unknown order", "\"O-nope\"", 404)),
        INVOICE_REFERENCE(false, bad("with a space", "\"I bad\""), bad("a number", "42"),
                new Mutation("unknown invoice", "\"I-nope\"", 404)),
        AMOUNT(true, bad("negative", "-100"), bad("zero", "0"), bad("three decimals", "100.001"),
                bad("absurdly large", "1e30"), bad("a trillion", "1000000000000"),
                bad("huge exponent", "1e1000000000"), bad("tiny exponent", "1e-1000000000"),
                bad("400 digits", "9".repeat(400)), bad("5000 digits", "9".repeat(5000)), bad("a string", "\"100\""), bad("NaN", "NaN"),
                bad("Infinity", "Infinity"), bad("a boolean", "true"), bad("an array", "[100]"),
                bad("an object", "{\"value\":100}")),
        /** An amount that may be 0: a limit, a credit note. */
        LIMIT(true, bad("negative", "-100"), bad("three decimals", "100.001"), bad("absurdly large", "1e30"),
                bad("huge exponent", "1e1000000000"), bad("a string", "\"100\""), bad("NaN", "NaN"),
                bad("a boolean", "true")),
        OPTIONAL_LIMIT(false, LIMIT.mutations.toArray(Mutation[]::new)),
        OPTIONAL_AMOUNT(false, AMOUNT.mutations.toArray(Mutation[]::new)),
        ACCOUNT_CURRENCY(true, bad("not ISO 4217", "\"EURO\""), bad("lower case", "\"eur\""), bad("a number", "978"),
                bad("another currency", "\"USD\"")),
        CURRENCY(true, bad("not ISO 4217", "\"EURO\""), bad("lower case", "\"eur\""), bad("a number", "978")),
        /** An enum: the mutation of the case is made from the valid value. */
        CHOICE(true, bad("unknown value", "\"NOPE\""), bad("a number", "1"), bad("empty", "\"\""),
                bad("other case", null)),
        DATE(true, bad("month 13", "\"2026-13-01\""), bad("30 February", "\"2026-02-30\""),
                bad("day first", "\"01/03/2026\""), bad("a number", "20260301"), bad("empty", "\"\""),
                bad("an instant", "\"2026-03-01T00:00:00Z\""), bad("an array", "[2026,3,1]")),
        OPTIONAL_DATE(false, DATE.mutations.toArray(Mutation[]::new)),
        INSTANT(true, bad("month 13", "\"2026-13-01T00:00:00Z\""), bad("words", "\"tomorrow\""),
                bad("a date", "\"2026-03-01\""), bad("no zone", "\"2026-03-01T09:30:00\""), bad("a number", "1"),
                bad("empty", "\"\"")),
        OPTIONAL_INSTANT(false, INSTANT.mutations.toArray(Mutation[]::new)),
        TEXT(true, bad("blank", "\"   \""), bad("over 2000 characters", quoted("x".repeat(2001))), bad("a number", "42"),
                bad("a boolean", "false"), bad("an object", "{}")),
        OPTIONAL_TEXT(false, bad("over 2000 characters", quoted("x".repeat(2001))), bad("a number", "42")),
        EMAIL(false, bad("no address", "\"boekhouding at peeters\""), bad("a number", "42")),
        DAYS(true, bad("zero", "0"), bad("over a year", "366"), bad("negative", "-30"), bad("a fraction", "30.5"),
                bad("a string", "\"30\""), bad("beyond int", "99999999999"), bad("a boolean", "true")),
        BOOLEAN(true, bad("a string", "\"yes\""), bad("a number", "1"), bad("a quoted boolean", "\"true\"")),
        /** A score from 0 to 100. */
        SCORE(true, bad("negative", "-1"), bad("over 100", "101"), bad("a fraction", "50.5"), bad("a string", "\"50\""),
                bad("a boolean", "true")),
        /** A share from -1 to 1 with at most 4 decimals. */
        RATIO(true, bad("over 1", "1.5"), bad("five decimals", "0.12345"), bad("a string", "\"0.3\""),
                bad("NaN", "NaN"), bad("huge exponent", "1e1000000000")),
        COUNT(true, bad("negative", "-1"), bad("a fraction", "1.5"), bad("a string", "\"6\""),
                bad("beyond int", "99999999999")),
        OBJECT(false, bad("a number", "42"), bad("an array", "[]"), bad("a string", "\"lenient\""));

        final boolean required;
        final List<Mutation> mutations;

        Kind(boolean required, Mutation... mutations) {
            this.required = required;
            this.mutations = List.of(mutations);
        }
    }

    record Mutation(String label, String raw, int status) {
    }

    private static Mutation bad(String label, String raw) {
        return new Mutation(label, raw, 400);
    }

    /** Mutations of the whole request, whatever the endpoint. */
    private static List<Case> requestMutations(Endpoint e, String valid) {
        List<Case> cases = new ArrayList<>();
        cases.add(e.caseOf("malformed JSON", valid.substring(0, valid.length() / 2), 400));
        cases.add(e.caseOf("trailing garbage", valid + " x", 400));
        cases.add(e.caseOf("not an object", "[1,2,3]", 400));
        cases.add(e.caseOf("a bare string", "\"hello\"", 400));
        cases.add(e.caseOf("JSON null", "null", 400));
        cases.add(e.caseOf("nested 5000 deep", "[".repeat(5000) + "]".repeat(5000), 400));
        cases.add(e.caseOf("empty body", "", 400));
        if (e.fields().stream().anyMatch(field -> field.kind().required)) {
            cases.add(e.caseOf("empty object", "{}", 400));
        }
        cases.add(e.caseOf("unknown field", valid.replaceFirst("}$", ",\"discount\":5}"), 400));
        cases.add(e.caseOf("body over 64 KiB", valid.replaceFirst("}$", ",\"padding\":\"" + HUGE_TEXT + "\"}"), 413));
        cases.add(e.caseOf("wrong content type", valid, "text/plain", 415));
        cases.add(e.caseOf("XML content type", valid, "application/xml", 415));
        cases.add(e.caseOf("no content type", valid, null, 415));
        return cases;
    }

    /** Mutations of the ids in the path: unknown ones are 404 with a valid body, malformed ones 400. */
    private static List<Case> pathMutations(Endpoint e, String valid) {
        List<Case> cases = new ArrayList<>();
        for (String[] id : new String[][]{{"{c}", "account"}, {"{o}", "order"}, {"{i}", "invoice"}}) {
            if (e.path().contains(id[0])) {
                cases.add(e.at(id[0], "X-nope-" + id[1]).caseOf("unknown " + id[1], valid, 404));
                cases.add(e.at(id[0], "X%20bad").caseOf(id[1] + " id with a space", valid, 400));
                cases.add(e.at(id[0], TOO_LONG_ID).caseOf(id[1] + " id too long", valid, 400));
            }
        }
        if (e.path().contains("{p}")) {
            cases.add(e.at("{p}", "nope").caseOf("unknown projection", null, 404));
            cases.add(e.at("{p}", "x%20y").caseOf("projection name with a space", null, 404));
        }
        return cases;
    }

    /** Every field sent missing, null or with each wrong value of its kind, the rest of the body valid. */
    private static List<Case> fieldMutations(Endpoint e) {
        List<Case> cases = new ArrayList<>();
        for (Field field : e.fields()) {
            if (field.kind().required) {
                cases.add(e.caseOf(field.name() + " missing", e.body(field.name(), null), 400));
                cases.add(e.caseOf(field.name() + " null", e.body(field.name(), "null"), 400));
            }
            for (Mutation m : field.kind().mutations) {
                String raw = m.raw() != null ? m.raw() : otherCase(field.valid());
                cases.add(e.caseOf(field.name() + " " + m.label(), e.body(field.name(), raw), m.status()));
            }
        }
        return cases;
    }

    static Stream<Case> badRequests() {
        return ENDPOINTS.stream().flatMap(e -> {
            String valid = e.body(null, null);
            List<Case> cases = new ArrayList<>(pathMutations(e, valid));
            if (!e.fields().isEmpty()) {
                cases.addAll(requestMutations(e, valid));
                cases.addAll(fieldMutations(e));
            }
            e.extras().forEach(extra -> cases.add(e.caseOf(extra.label(), extra.body() != null ? extra.body() : valid,
                    extra.contentType(), extra.status())));
            return cases.stream();
        });
    }

    /** One request of the matrix. */
    record Case(String name, Endpoint endpoint, String path, String body, String contentType, int status) {
        @Override
        public String toString() {
            return endpoint.name() + ": " + name + " -> " + status;
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRequests")
    void aBadRequestIsRefusedWithTheContractsProblemAndRecordsNothing(Case c) {
        Api api = c.endpoint().side() == Side.COMMAND ? commands : queries;
        String path = c.path().replace("{c}", customerId).replace("{o}", "O-bad-" + customerId)
                .replace("{i}", "I-bad-" + customerId);
        String body = c.body() == null ? null : c.body().replace("{c}", customerId);
        long before = RunningCreditDesk.eventCount(app, customerId);
        long headBefore = RunningCreditDesk.headPosition(app);

        Answer answer = api.send(c.endpoint().user(), c.endpoint().method(), path, body, c.contentType());

        assertProblem(answer, c.status());
        assertThat(RunningCreditDesk.eventCount(app, customerId)).as("events recorded").isEqualTo(before);
        if (path.contains("X-nope-account")) {
            assertThat(RunningCreditDesk.eventCount(app, "X-nope-account")).as("events of an unknown account").isZero();
        }
        if (c.endpoint().touchesNoAccount()) {
            assertThat(RunningCreditDesk.headPosition(app)).as("the store's head").isEqualTo(headBefore);
        }
    }

    // ---- query parameters ------------------------------------------------------------------------------

    record Query(String name, String user, String path, int status) {
        @Override
        public String toString() {
            return name + ": " + path.replace("{c}", "C") + " -> " + status;
        }
    }

    static Stream<Query> badQueries() {
        String c = "/api/accounts/{c}";
        return Stream.of(
                new Query("account: unknown", "sales1", "/api/accounts/X-nope-account", 404),
                new Query("account: id with a space", "sales1", "/api/accounts/X%20bad", 400),
                new Query("account: id too long", "sales1", "/api/accounts/" + TOO_LONG_ID, 400),
                new Query("accounts: bad account manager", "sales1", "/api/accounts?accountManager=a%20b", 400),
                new Query("accounts: onHold not a boolean", "sales1", "/api/accounts?onHold=maybe", 400),
                new Query("accounts: negative page", "sales1", "/api/accounts?page=-1", 400),
                new Query("accounts: page not a number", "sales1", "/api/accounts?page=one", 400),
                new Query("accounts: page beyond int", "sales1", "/api/accounts?page=99999999999", 400),
                new Query("accounts: size zero", "sales1", "/api/accounts?size=0", 400),
                new Query("accounts: size too large", "sales1", "/api/accounts?size=501", 400),
                new Query("timeline: unknown account", "sales1", "/api/accounts/X-nope-account/timeline", 404),
                new Query("timeline: bad from", "sales1", c + "/timeline?from=yesterday", 400),
                new Query("timeline: a date for an instant", "sales1", c + "/timeline?to=2026-03-01", 400),
                new Query("timeline: negative page", "sales1", c + "/timeline?page=-1", 400),
                new Query("timeline: size too large", "sales1", c + "/timeline?size=1001", 400),
                new Query("timeline: size not a number", "sales1", c + "/timeline?size=ten", 400),
                new Query("as-of: missing at", "analyst1", c + "/as-of", 400),
                new Query("as-of: empty at", "analyst1", c + "/as-of?at=", 400),
                new Query("as-of: bad at", "analyst1", c + "/as-of?at=2026-13-01T00:00:00Z", 400),
                new Query("as-of: before the account", "analyst1", c + "/as-of?at=2001-01-01T00:00:00Z", 404),
                new Query("as-of: unknown account", "analyst1",
                        "/api/accounts/X-nope-account/as-of?at=2026-03-01T00:00:00Z", 404),
                new Query("as-of: bad account id", "analyst1", "/api/accounts/X%20bad/as-of?at=2026-03-01T00:00:00Z",
                        400),
                new Query("order: unknown", "sales1", "/api/orders/X-nope-order", 404),
                new Query("order: bad id", "sales1", "/api/orders/" + TOO_LONG_ID, 400),
                new Query("invoice: unknown", "sales1", "/api/invoices/X-nope-invoice", 404),
                new Query("invoice: bad id", "sales1", "/api/invoices/X%20bad", 400),
                new Query("sales view: no account manager", "sales1", "/api/views/sales", 400),
                new Query("sales view: bad account manager", "sales1", "/api/views/sales?accountManager=a%20b", 400),
                new Query("sales view: account manager too long", "sales1",
                        "/api/views/sales?accountManager=" + TOO_LONG_ID, 400),
                new Query("kpis: from not a date", "analyst1", "/api/kpis?from=yesterday", 400),
                new Query("kpis: to not a date", "analyst1", "/api/kpis?to=2026-02-30", 400),
                new Query("kpis: empty from", "analyst1", "/api/kpis?from=", 400),
                new Query("kpis: reversed", "analyst1", "/api/kpis?from=2026-03-01&to=2026-01-01", 400),
                new Query("kpis: empty period", "analyst1", "/api/kpis?from=2026-03-01&to=2026-03-01", 400),
                new Query("kpis: from beyond the calendar", "analyst1", "/api/kpis?from=%2B999999999-12-31", 400),
                new Query("collection numbers: asOf not a date", "analyst1", "/api/kpis/collections?asOf=yesterday", 400),
                new Query("collection numbers: asOf not in the calendar", "credit1",
                        "/api/kpis/collections?asOf=2026-02-30", 400),
                new Query("collection numbers: empty asOf", "analyst1", "/api/kpis/collections?asOf=", 400),
                new Query("collection numbers: asOf beyond the calendar", "analyst1",
                        "/api/kpis/collections?asOf=%2B999999999-12-31", 400),
                new Query("events: bad customer id", "analyst1", "/api/events?customerId=a%20b", 400),
                new Query("events: bad from", "analyst1", "/api/events?from=yesterday", 400),
                new Query("events: bad to", "analyst1", "/api/events?to=2026-13-01T00:00:00Z", 400),
                new Query("events: reversed", "analyst1",
                        "/api/events?from=2026-03-01T00:00:00Z&to=2026-01-01T00:00:00Z", 400),
                new Query("account stream: unknown account", "sales1", "/api/stream/accounts/X-nope-account", 404),
                new Query("account stream: bad id", "sales1", "/api/stream/accounts/X%20bad", 400),
                new Query("sales stream: no account manager", "sales1", "/api/stream/views/sales", 400),
                new Query("sales stream: bad account manager", "sales1",
                        "/api/stream/views/sales?accountManager=a%20b", 400));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badQueries")
    void aBadQueryIsRefusedWithTheContractsProblem(Query q) {
        assertProblem(queries.get(q.user(), q.path().replace("{c}", customerId)), q.status());
    }

    static void assertProblem(Answer answer, int status) {
        if (status < 500) { // bad input: say so first when the server broke instead
            assertThat(answer.status()).as("never a 5xx: " + answer).isLessThan(500);
        }
        assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
        assertThat(answer.isProblem()).as("problem+json: " + answer.contentType()).isTrue();
        JsonNode problem = answer.json();
        assertThat(problem.get("type").asText()).startsWith("https://");
        assertThat(problem.get("title").asText()).isNotBlank();
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("detail").asText()).isNotBlank();
        if (status == 400) {
            assertThat(problem.get("errors")).as("errors of " + answer).isNotEmpty();
            problem.get("errors").forEach(error -> {
                assertThat(error.get("field").asText()).isNotBlank();
                assertThat(error.get("message").asText()).isNotBlank();
            });
        }
    }

    // ---- building the table ------------------------------------------------------------------------------

    private static Field f(String name, Kind kind, String valid) {
        boolean asIs = EnumSet.of(Kind.AMOUNT, Kind.OPTIONAL_AMOUNT, Kind.LIMIT, Kind.OPTIONAL_LIMIT, Kind.DAYS, Kind.BOOLEAN,
                Kind.OBJECT, Kind.SCORE, Kind.RATIO, Kind.COUNT)
                .contains(kind);
        return new Field(name, kind, asIs ? valid : quoted(valid));
    }

    private static Endpoint command(String name, String user, String request, Field... fields) {
        String[] methodAndPath = request.split(" ", 2);
        return new Endpoint(name, Side.COMMAND, user, methodAndPath[0], methodAndPath[1], false, List.of(fields),
                List.of());
    }

    private static String quoted(String text) {
        return "\"" + text + "\"";
    }

    private static String otherCase(String value) {
        return value.equals(value.toUpperCase()) ? value.toLowerCase() : value.toUpperCase();
    }
}

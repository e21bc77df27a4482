package com.creditdesk.command.statement;

import com.creditdesk.api.statement.StatementCommands.BankLine;
import com.creditdesk.command.refusal.Refusal;
import com.prowidesoftware.swift.model.mx.AbstractMX;
import com.prowidesoftware.swift.model.mx.MxCamt05300102;
import com.prowidesoftware.swift.model.mx.dic.AccountStatement2;
import com.prowidesoftware.swift.model.mx.dic.ActiveOrHistoricCurrencyAndAmount;
import com.prowidesoftware.swift.model.mx.dic.CashAccount16;
import com.prowidesoftware.swift.model.mx.dic.CreditDebitCode;
import com.prowidesoftware.swift.model.mx.dic.DateAndDateTimeChoice;
import com.prowidesoftware.swift.model.mx.dic.EntryDetails1;
import com.prowidesoftware.swift.model.mx.dic.EntryTransaction2;
import com.prowidesoftware.swift.model.mx.dic.ReportEntry2;
import com.prowidesoftware.swift.model.mx.dic.StructuredRemittanceInformation7;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads a CAMT.053.001.02 bank statement with Prowide ISO 20022 ({@link MxCamt05300102}): the statement's id and
 * account, and one line per credit transaction (an entry, or each transaction of a batch entry), with the debtor,
 * the IBAN paid from and the remittance information. Debit entries are not payments received and are left out.
 * Anything else than one such statement, or a credit entry without its amount, currency or day, is invalid input.
 */
public final class CamtStatements {
    private static final Pattern NOT_ID = Pattern.compile("[^A-Za-z0-9._-]");
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    private CamtStatements() {
    }

    /** A statement as read, before matching. */
    public record Statement(String statementId, String accountIban, LocalDate createdOn, List<BankLine> lines) {
    }

    public static Statement read(String xml) {
        if (xml == null || xml.isBlank()) {
            throw Refusal.invalid("body", "the body holds no CAMT.053 statement");
        }
        AbstractMX message;
        try {
            message = AbstractMX.parse(xml);
        } catch (RuntimeException e) {
            message = null;
        }
        if (message == null) {
            throw Refusal.invalid("body", "not an ISO 20022 message: a CAMT.053.001.02 bank statement "
                    + "(namespace urn:iso:std:iso:20022:tech:xsd:camt.053.001.02) is expected");
        }
        if (!(message instanceof MxCamt05300102 camt)) {
            throw Refusal.invalid("body", "a " + message.getMxId().id() + " message is no CAMT.053.001.02 bank "
                    + "statement (namespace urn:iso:std:iso:20022:tech:xsd:camt.053.001.02)");
        }
        if (camt.getBkToCstmrStmt() == null || camt.getBkToCstmrStmt().getStmt().size() != 1) {
            throw Refusal.invalid("Stmt", "one statement (Stmt) per file is expected");
        }
        return statement(camt.getBkToCstmrStmt().getStmt().get(0));
    }

    private static Statement statement(AccountStatement2 stmt) {
        String statementId = id(stmt.getId(), "Stmt/Id", 60);
        String accountIban = stmt.getAcct() == null || stmt.getAcct().getId() == null ? null
                : stmt.getAcct().getId().getIBAN();
        LocalDate createdOn = stmt.getCreDtTm() == null ? null : stmt.getCreDtTm().toLocalDate();
        List<BankLine> lines = new ArrayList<>();
        Set<String> lineIds = new HashSet<>();
        int entryNumber = 0;
        for (ReportEntry2 entry : stmt.getNtry()) {
            entryNumber++;
            String where = "Ntry[" + entryNumber + "]";
            if (entry.getCdtDbtInd() == null) {
                throw Refusal.invalid(where + "/CdtDbtInd", "every entry says CRDT or DBIT");
            }
            if (entry.getCdtDbtInd() != CreditDebitCode.CRDT) {
                continue;
            }
            String entryId = entry.getNtryRef() != null ? entry.getNtryRef()
                    : entry.getAcctSvcrRef() != null ? entry.getAcctSvcrRef() : "N" + entryNumber;
            BigDecimal entryAmount = amount(entry.getAmt(), where + "/Amt");
            String currency = currency(entry.getAmt(), where + "/Amt");
            LocalDate bookedOn = day(entry.getBookgDt() != null ? entry.getBookgDt() : entry.getValDt(),
                    where + "/BookgDt");
            List<EntryTransaction2> transactions = entry.getNtryDtls().stream().map(EntryDetails1::getTxDtls)
                    .flatMap(List::stream).toList();
            if (transactions.size() <= 1) {
                EntryTransaction2 tx = transactions.isEmpty() ? null : transactions.get(0);
                lines.add(line(id(entryId, where + "/NtryRef", 40), entryAmount, currency, bookedOn, tx, lineIds));
            } else {
                for (int i = 0; i < transactions.size(); i++) {
                    EntryTransaction2 tx = transactions.get(i);
                    String txWhere = where + "/NtryDtls/TxDtls[" + (i + 1) + "]/AmtDtls/TxAmt/Amt";
                    ActiveOrHistoricCurrencyAndAmount txAmount = tx.getAmtDtls() == null
                            || tx.getAmtDtls().getTxAmt() == null ? null : tx.getAmtDtls().getTxAmt().getAmt();
                    lines.add(line(id(entryId, where + "/NtryRef", 36) + "-" + (i + 1), amount(txAmount, txWhere),
                            currency(txAmount, txWhere), bookedOn, tx, lineIds));
                }
            }
        }
        return new Statement(statementId, accountIban, createdOn, List.copyOf(lines));
    }

    private static BankLine line(String lineId, BigDecimal amount, String currency, LocalDate bookedOn,
                                 EntryTransaction2 tx, Set<String> lineIds) {
        if (!lineIds.add(lineId)) {
            throw Refusal.invalid("NtryRef", "two credit entries have the reference " + lineId);
        }
        String debtorName = null;
        String debtorIban = null;
        String remittance = null;
        String structured = null;
        if (tx != null) {
            if (tx.getRltdPties() != null) {
                debtorName = tx.getRltdPties().getDbtr() == null ? null : tx.getRltdPties().getDbtr().getNm();
                CashAccount16 account = tx.getRltdPties().getDbtrAcct();
                debtorIban = account == null || account.getId() == null ? null : account.getId().getIBAN();
            }
            if (tx.getRmtInf() != null) {
                String text = tx.getRmtInf().getUstrd().stream().filter(Objects::nonNull).map(String::strip)
                        .collect(Collectors.joining(" "));
                remittance = text.isBlank() ? null : text;
                structured = tx.getRmtInf().getStrd().stream().map(StructuredRemittanceInformation7::getCdtrRefInf)
                        .filter(Objects::nonNull).map(info -> info.getRef()).filter(Objects::nonNull)
                        .findFirst().orElse(null);
            }
        }
        return new BankLine(lineId, amount, currency, bookedOn, limit(debtorName, 140), limit(debtorIban, 34),
                limit(remittance, 500), limit(structured, 35), null);
    }

    private static BigDecimal amount(ActiveOrHistoricCurrencyAndAmount amount, String where) {
        if (amount == null || amount.getValue() == null) {
            throw Refusal.invalid(where, "a credit entry needs its amount");
        }
        BigDecimal value = amount.getValue();
        if (value.signum() <= 0 || value.stripTrailingZeros().scale() > 2 || value.precision() - value.scale() > 12) {
            throw Refusal.invalid(where, "an amount above 0 with at most 2 decimals is expected, not " + value);
        }
        return value;
    }

    private static String currency(ActiveOrHistoricCurrencyAndAmount amount, String where) {
        if (amount.getCcy() == null || !CURRENCY.matcher(amount.getCcy()).matches()) {
            throw Refusal.invalid(where + "/@Ccy", "the amount's currency (ISO 4217) is missing");
        }
        return amount.getCcy();
    }

    private static LocalDate day(DateAndDateTimeChoice choice, String where) {
        if (choice != null && choice.getDt() != null) {
            return choice.getDt();
        }
        if (choice != null && choice.getDtTm() != null) {
            return choice.getDtTm().toLocalDate();
        }
        throw Refusal.invalid(where, "a credit entry needs its booking (or value) date");
    }

    private static String id(String value, String where, int max) {
        if (value == null || value.isBlank()) {
            throw Refusal.invalid(where, "missing");
        }
        String id = NOT_ID.matcher(value.strip()).replaceAll("-");
        return id.length() <= max ? id : id.substring(0, max);
    }

    private static String limit(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}

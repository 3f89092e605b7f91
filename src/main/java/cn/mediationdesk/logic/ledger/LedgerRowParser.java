package cn.mediationdesk.logic.ledger;

import cn.mediationdesk.logic.lifecycle.LeadRules;
import cn.mediationdesk.logic.lifecycle.LeadRules.Strictness;
import cn.mediationdesk.logic.lifecycle.PartyRules;
import cn.mediationdesk.model.AgreementForm;
import cn.mediationdesk.model.DictionaryKind;
import cn.mediationdesk.model.Outcome;
import cn.mediationdesk.model.Problem;
import cn.mediationdesk.model.RiskLevel;
import cn.mediationdesk.model.VerificationResult;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one ledger row into a {@link LedgerRow} and checks it on its own: every cell against its
 * column's format, then the rules of DESIGN §4. Checks that need other rows or the database
 * (names of communities, lead numbers) are the planner's.
 */
final class LedgerRowParser {
    /** Column widths of the schema, so that a long cell is a clear problem rather than a failed write. */
    static final int LEAD_NO_MAX_LENGTH = 50;
    static final int GRID_MAX_LENGTH = 100;
    static final int TRANSFERRED_TO_MAX_LENGTH = 200;

    private static final Pattern PEOPLE = Pattern.compile("(\\d{1,9})\\s*人?");
    private static final Pattern MONEY_DECORATION = Pattern.compile("^[¥￥]|元$|,");
    private static final String AGREEMENT_CHOICES = "书面/口头";

    private final LedgerHeader header;
    private final LedgerVocabulary vocabulary;
    private final LocalDate today;

    LedgerRowParser(LedgerHeader header, LedgerVocabulary vocabulary, LocalDate today) {
        this.header = header;
        this.vocabulary = vocabulary;
        this.today = today;
    }

    /** A row's typed values and its own problems; the values are only to be used when there are none. */
    record Parsed(LedgerRow row, List<RowProblem> problems) {
    }

    Parsed parse(LedgerTable.Row cells) {
        Reading r = new Reading(cells);
        // Read in column order, so that a row's problems are listed as the eye runs along it.
        String leadNo = r.text(LedgerColumn.LEAD_NO, LEAD_NO_MAX_LENGTH);
        LocalDate foundOn = r.date(LedgerColumn.FOUND_ON);
        String source = r.word(LedgerColumn.SOURCE, DictionaryKind.LEAD_SOURCE, Optional::of);
        String community = r.value(LedgerColumn.COMMUNITY);
        String grid = r.text(LedgerColumn.GRID, GRID_MAX_LENGTH);
        String committee = r.value(LedgerColumn.COMMITTEE);
        String disputeType = r.word(LedgerColumn.DISPUTE_TYPE, DictionaryKind.DISPUTE_TYPE, Optional::of);
        String summary = r.summary();
        List<LedgerParty> parties = r.parties();
        Integer people = r.people();
        BigDecimal amount = r.amount();
        RiskLevel risk = r.word(LedgerColumn.RISK, DictionaryKind.RISK_LEVEL, code -> enumOf(RiskLevel.class, code));
        LocalDate verifiedOn = r.date(LedgerColumn.VERIFIED_ON);
        VerificationResult verification = r.word(LedgerColumn.VERIFICATION, DictionaryKind.VERIFICATION_RESULT,
                code -> enumOf(VerificationResult.class, code));
        LocalDate acceptedOn = r.date(LedgerColumn.ACCEPTED_ON);
        Outcome outcome = r.word(LedgerColumn.OUTCOME, DictionaryKind.OUTCOME, code -> enumOf(Outcome.class, code));
        LocalDate closedOn = r.date(LedgerColumn.CLOSED_ON);
        AgreementForm agreementForm = r.agreementForm();
        String duplicateOf = r.text(LedgerColumn.DUPLICATE_OF, LEAD_NO_MAX_LENGTH);
        String transferredTo = r.text(LedgerColumn.TRANSFERRED_TO, TRANSFERRED_TO_MAX_LENGTH);
        LocalDate declinedOn = r.date(LedgerColumn.DECLINED_ON);
        String declinedBy = r.text(LedgerColumn.DECLINED_BY, TRANSFERRED_TO_MAX_LENGTH);

        if (acceptedOn == null && r.isBlank(LedgerColumn.ACCEPTED_ON) && verification == VerificationResult.GENUINE
                && r.isBlank(LedgerColumn.DECLINED_ON)) {
            acceptedOn = verifiedOn; // a genuine lead is accepted on its verification day (DESIGN §4)
        }
        if (agreementForm == null && r.isBlank(LedgerColumn.AGREEMENT_FORM) && outcome == Outcome.RESOLVED) {
            agreementForm = AgreementForm.WRITTEN;
        }
        LedgerRow row = new LedgerRow(cells.number(), leadNo, foundOn, source, community, grid, committee,
                disputeType, summary, parties, people, amount, risk == null ? RiskLevel.DEFAULT : risk,
                verifiedOn, verification, acceptedOn, outcome, closedOn, agreementForm, duplicateOf, transferredTo,
                declinedOn, declinedBy);
        if (r.problems.isEmpty()) {
            // Only a row whose cells all read: an unreadable cell would otherwise set off follow-on
            // complaints (an unreadable acceptance date making the outcome "not accepted").
            LeadRules.check(row.facts(), today, Strictness.IMPORT)
                    .forEach(p -> r.problems.add(header.at(cells.number(), p)));
        }
        return new Parsed(row, r.problems);
    }

    private static <E extends Enum<E>> Optional<E> enumOf(Class<E> type, String code) {
        return Arrays.stream(type.getEnumConstants()).filter(e -> e.name().equals(code)).findFirst();
    }

    /** The cells of one row, read column by column, collecting what is wrong with them. */
    private final class Reading {
        private final LedgerTable.Row cells;
        private final List<RowProblem> problems = new ArrayList<>();

        Reading(LedgerTable.Row cells) {
            this.cells = cells;
        }

        boolean isBlank(LedgerColumn column) {
            return header.cell(cells, column).isBlank();
        }

        private String raw(LedgerColumn column) {
            String s = header.cell(cells, column).strip();
            return s.isEmpty() ? null : s;
        }

        private void problem(LedgerColumn column, String key, Object... args) {
            problems.add(header.at(cells.number(), Problem.of(column.field(), key, args)));
        }

        /** The cell without surrounding blanks, or {@code null} when blank, which a required column may not be. */
        String value(LedgerColumn column) {
            String s = raw(column);
            if (s == null && column.required()) {
                problem(column, "rule.required");
            }
            return s;
        }

        String text(LedgerColumn column, int maxLength) {
            String s = raw(column);
            if (s != null && s.length() > maxLength) {
                problem(column, "ledger.value.tooLong", maxLength, s.length());
            }
            return s;
        }

        String summary() {
            String s = value(LedgerColumn.SUMMARY);
            return s == null ? null : s.replace("\r\n", "\n").replace('\r', '\n');
        }

        LocalDate date(LedgerColumn column) {
            String s = value(column);
            if (s == null) {
                return null;
            }
            Optional<LocalDate> date = LedgerDates.parse(s);
            if (date.isEmpty()) {
                problem(column, "ledger.date.invalid", s);
            }
            return date.orElse(null);
        }

        /** A dictionary value by label or code, turned into {@code T}; {@code null} when blank. */
        <T> T word(LedgerColumn column, DictionaryKind kind, Function<String, Optional<T>> fromCode) {
            String s = value(column);
            if (s == null) {
                return null;
            }
            Optional<T> value = vocabulary.code(kind, s).flatMap(fromCode);
            if (value.isEmpty()) {
                problem(column, "ledger.value.unknown", s, vocabulary.choices(kind));
            }
            return value.orElse(null);
        }

        AgreementForm agreementForm() {
            String s = raw(LedgerColumn.AGREEMENT_FORM);
            if (s == null) {
                return null;
            }
            return switch (s.toUpperCase(Locale.ROOT)) {
                case "书面", "WRITTEN" -> AgreementForm.WRITTEN;
                case "口头", "ORAL" -> AgreementForm.ORAL;
                default -> {
                    problem(LedgerColumn.AGREEMENT_FORM, "ledger.value.unknown", s, AGREEMENT_CHOICES);
                    yield null;
                }
            };
        }

        List<LedgerParty> parties() {
            String s = raw(LedgerColumn.PARTIES);
            if (s == null) {
                return List.of();
            }
            LedgerParties.Reading parties = LedgerParties.parse(s);
            if (parties.problem() != null) {
                problems.add(header.at(cells.number(), parties.problem()));
                return List.of();
            }
            parties.parties().stream().filter(p -> p.name().length() > PartyRules.NAME_MAX_LENGTH).forEach(p ->
                    problem(LedgerColumn.PARTIES, "ledger.parties.nameTooLong", p.name(), PartyRules.NAME_MAX_LENGTH));
            return parties.parties();
        }

        Integer people() {
            String s = raw(LedgerColumn.PEOPLE);
            if (s == null) {
                return null;
            }
            Matcher m = PEOPLE.matcher(s);
            if (!m.matches()) {
                problem(LedgerColumn.PEOPLE, "ledger.people.invalid", s);
                return null;
            }
            return Integer.valueOf(m.group(1));
        }

        BigDecimal amount() {
            String s = raw(LedgerColumn.AMOUNT);
            if (s == null) {
                return null;
            }
            try {
                return new BigDecimal(MONEY_DECORATION.matcher(s).replaceAll("").strip());
            } catch (NumberFormatException e) {
                problem(LedgerColumn.AMOUNT, "ledger.amount.invalid", s);
                return null;
            }
        }
    }
}

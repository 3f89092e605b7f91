package cn.mediationdesk.logic.search;

import cn.mediationdesk.logic.tally.TallyColumn;
import cn.mediationdesk.logic.tally.TallyQuery;
import cn.mediationdesk.model.RiskLevel;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Which leads to list. The period, the as-of day, the community and the committee mean what they
 * mean in a {@link TallyQuery}, and {@code column} selects the leads a tally column counts, so a
 * filter can name exactly the leads behind any cell of a summary. Every other part narrows further;
 * {@code null} (or an empty set) leaves a part open.
 *
 * @param from            first day of the period on {@code found_on} (inclusive), or open
 * @param to              last day of the period (inclusive), or open
 * @param asOf            each lead is judged in its state at the end of this day
 * @param disputeTypeCode a code of the dispute-type dictionary
 * @param sourceCode      a code of the lead-source dictionary
 * @param sourceGroupCode a code of the source-group dictionary (主动 / 申请 / 委托移送)
 * @param risks           the risk levels wanted; empty for any
 * @param month           only leads found in this month (within the period)
 * @param flags           leads carrying at least one of these flags; empty for any lead
 * @param column          the tally column whose leads are wanted; {@code null} for every lead, duplicates included
 * @param text            words that must each appear in the case number, lead number, summary or a party's name
 * @param communityIds     leads of any of these communities; empty for any (narrows {@code communityId} further)
 * @param disputeTypeCodes leads of any of these dispute types; empty for any (narrows {@code disputeTypeCode} further)
 */
public record LeadFilter(LocalDate from, LocalDate to, LocalDate asOf, Long communityId, Long committeeId,
                         String disputeTypeCode, String sourceCode, String sourceGroupCode, Set<RiskLevel> risks,
                         YearMonth month, Set<RiskFlag> flags, TallyColumn column, String text,
                         Set<Long> communityIds, Set<String> disputeTypeCodes) {

    /** Longer input is cut: nobody types this much into a search field on purpose. */
    public static final int TEXT_MAX_LENGTH = 100;
    public static final int MAX_WORDS = 5;

    public LeadFilter {
        Objects.requireNonNull(asOf, "asOf");
        if (from != null && to != null && to.isBefore(from)) {
            throw new IllegalArgumentException("period ends before it starts");
        }
        risks = risks == null ? Set.of() : Set.copyOf(risks);
        flags = flags == null ? Set.of() : Set.copyOf(flags);
        communityIds = communityIds == null ? Set.of() : Set.copyOf(communityIds);
        disputeTypeCodes = disputeTypeCodes == null ? Set.of() : Set.copyOf(disputeTypeCodes);
        disputeTypeCode = blankToNull(disputeTypeCode);
        sourceCode = blankToNull(sourceCode);
        sourceGroupCode = blankToNull(sourceGroupCode);
        text = blankToNull(text);
        if (text != null && text.length() > TEXT_MAX_LENGTH) {
            text = text.substring(0, TEXT_MAX_LENGTH);
        }
    }

    /** A filter that picks at most one community and one dispute type. */
    public LeadFilter(LocalDate from, LocalDate to, LocalDate asOf, Long communityId, Long committeeId,
                      String disputeTypeCode, String sourceCode, String sourceGroupCode, Set<RiskLevel> risks,
                      YearMonth month, Set<RiskFlag> flags, TallyColumn column, String text) {
        this(from, to, asOf, communityId, committeeId, disputeTypeCode, sourceCode, sourceGroupCode, risks, month,
                flags, column, text, Set.of(), Set.of());
    }

    /** Every lead, each in its state at the end of {@code asOf}. */
    public static LeadFilter all(LocalDate asOf) {
        return new LeadFilter(null, null, asOf, null, null, null, null, null, Set.of(), null, Set.of(), null, null);
    }

    /** The leads behind the total row of {@code query} in {@code column}. */
    public static LeadFilter of(TallyQuery query, TallyColumn column) {
        return all(query.asOf()).withPeriod(query.from(), query.to()).withCommunity(query.communityId())
                .withCommittee(query.committeeId()).withColumn(column);
    }

    public LeadFilter withPeriod(LocalDate from, LocalDate to) {
        return new LeadFilter(from, to, asOf, communityId, committeeId, disputeTypeCode, sourceCode, sourceGroupCode,
                risks, month, flags, column, text, communityIds, disputeTypeCodes);
    }

    public LeadFilter withAsOf(LocalDate asOf) {
        return new LeadFilter(from, to, asOf, communityId, committeeId, disputeTypeCode, sourceCode, sourceGroupCode,
                risks, month, flags, column, text, communityIds, disputeTypeCodes);
    }

    public LeadFilter withCommunity(Long communityId) {
        return new LeadFilter(from, to, asOf, communityId, committeeId, disputeTypeCode, sourceCode, sourceGroupCode,
                risks, month, flags, column, text, communityIds, disputeTypeCodes);
    }

    public LeadFilter withCommittee(Long committeeId) {
        return new LeadFilter(from, to, asOf, communityId, committeeId, disputeTypeCode, sourceCode, sourceGroupCode,
                risks, month, flags, column, text, communityIds, disputeTypeCodes);
    }

    public LeadFilter withDisputeType(String disputeTypeCode) {
        return new LeadFilter(from, to, asOf, communityId, committeeId, disputeTypeCode, sourceCode, sourceGroupCode,
                risks, month, flags, column, text, communityIds, disputeTypeCodes);
    }

    public LeadFilter withSource(String sourceCode) {
        return new LeadFilter(from, to, asOf, communityId, committeeId, disputeTypeCode, sourceCode, sourceGroupCode,
                risks, month, flags, column, text, communityIds, disputeTypeCodes);
    }

    public LeadFilter withSourceGroup(String sourceGroupCode) {
        return new LeadFilter(from, to, asOf, communityId, committeeId, disputeTypeCode, sourceCode, sourceGroupCode,
                risks, month, flags, column, text, communityIds, disputeTypeCodes);
    }

    public LeadFilter withRisks(Set<RiskLevel> risks) {
        return new LeadFilter(from, to, asOf, communityId, committeeId, disputeTypeCode, sourceCode, sourceGroupCode,
                risks, month, flags, column, text, communityIds, disputeTypeCodes);
    }

    public LeadFilter withMonth(YearMonth month) {
        return new LeadFilter(from, to, asOf, communityId, committeeId, disputeTypeCode, sourceCode, sourceGroupCode,
                risks, month, flags, column, text, communityIds, disputeTypeCodes);
    }

    public LeadFilter withFlags(Set<RiskFlag> flags) {
        return new LeadFilter(from, to, asOf, communityId, committeeId, disputeTypeCode, sourceCode, sourceGroupCode,
                risks, month, flags, column, text, communityIds, disputeTypeCodes);
    }

    public LeadFilter withColumn(TallyColumn column) {
        return new LeadFilter(from, to, asOf, communityId, committeeId, disputeTypeCode, sourceCode, sourceGroupCode,
                risks, month, flags, column, text, communityIds, disputeTypeCodes);
    }

    /** Leads of any of these communities (several at once, as the ledger's filter picks them). */
    public LeadFilter withCommunities(Set<Long> communityIds) {
        return new LeadFilter(from, to, asOf, communityId, committeeId, disputeTypeCode, sourceCode, sourceGroupCode,
                risks, month, flags, column, text, communityIds, disputeTypeCodes);
    }

    /** Leads of any of these dispute types. */
    public LeadFilter withDisputeTypes(Set<String> disputeTypeCodes) {
        return new LeadFilter(from, to, asOf, communityId, committeeId, disputeTypeCode, sourceCode, sourceGroupCode,
                risks, month, flags, column, text, communityIds, disputeTypeCodes);
    }

    public LeadFilter withText(String text) {
        return new LeadFilter(from, to, asOf, communityId, committeeId, disputeTypeCode, sourceCode, sourceGroupCode,
                risks, month, flags, column, text, communityIds, disputeTypeCodes);
    }

    /**
     * The words of {@link #text()} (split at spaces, the full-width one included), lower-cased, at
     * most {@link #MAX_WORDS}: each one costs a scan of the summaries and party names.
     */
    public List<String> words() {
        if (text == null) {
            return List.of();
        }
        return Arrays.stream(text.toLowerCase(Locale.ROOT).split("[\\s\\u3000]+")).filter(w -> !w.isEmpty())
                .distinct().limit(MAX_WORDS).toList();
    }

    private static String blankToNull(String value) {
        if (value == null) {
            return null;
        }
        String stripped = value.strip();
        return stripped.isEmpty() ? null : stripped;
    }
}

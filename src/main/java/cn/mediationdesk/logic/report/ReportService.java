package cn.mediationdesk.logic.report;

import cn.mediationdesk.logic.ValidationException;
import cn.mediationdesk.logic.search.LeadFilter;
import cn.mediationdesk.logic.search.LeadSearchService;
import cn.mediationdesk.logic.search.LeadSort;
import cn.mediationdesk.logic.security.Access;
import cn.mediationdesk.logic.store.Store;
import cn.mediationdesk.logic.store.Tx;
import cn.mediationdesk.logic.report.StatisticsComparison.Totals;
import cn.mediationdesk.logic.tally.Grouping;
import cn.mediationdesk.logic.tally.PeriodBasis;
import cn.mediationdesk.logic.tally.StatisticsResult;
import cn.mediationdesk.logic.tally.StatisticsTally;
import cn.mediationdesk.logic.tally.TallyColumn;
import cn.mediationdesk.logic.tally.TallyQuery;
import cn.mediationdesk.logic.tally.TallyResult;
import cn.mediationdesk.logic.tally.TallyRow;
import cn.mediationdesk.logic.tally.TallyService;
import cn.mediationdesk.model.Committee;
import cn.mediationdesk.model.CommitteeKind;
import cn.mediationdesk.model.Community;
import cn.mediationdesk.model.DictionaryEntry;
import cn.mediationdesk.model.DictionaryKind;
import cn.mediationdesk.model.Jurisdiction;
import cn.mediationdesk.model.Person;
import cn.mediationdesk.model.PersonRole;
import cn.mediationdesk.model.Problem;
import cn.mediationdesk.model.Problem.Field;
import cn.mediationdesk.model.RiskLevel;
import cn.mediationdesk.model.User;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Builds the printable reports of the governance office from the one tally engine (DESIGN §10): every
 * figure is a {@link TallyService} or {@link StatisticsTally} figure as it is, and the leads a page
 * names are the ones the lead search finds for the same tally column. Each report is read in one
 * transaction, so its tables agree with each other. A screen renders, prints or exports the returned
 * records as they are ({@code ReportLayouts}, {@code PdfExporter}, {@code SpreadsheetExporter}).
 */
public final class ReportService {
    private final Store store;
    private final Clock clock;
    private final User actor;

    /**
     * @param clock says what day "printed on" is
     * @param actor who asks: the aggregate reports are everyone's; the ledger's rows only those whose
     *              cases the actor may read ({@code null} when nobody signed in: aggregates only)
     */
    public ReportService(Store store, Clock clock, User actor) {
        this.store = store;
        this.clock = clock;
        this.actor = actor;
    }

    /** The district summary: per committee and per community, with totals. */
    public DistrictSummary districtSummary(LocalDate from, LocalDate to, LocalDate asOf) {
        return store.read(tx -> new DistrictSummary(scope(tx, from, to, asOf),
                TallyService.summarize(tx, TallyQuery.of(Grouping.COMMITTEE, from, to, asOf)),
                TallyService.summarize(tx, TallyQuery.of(Grouping.COMMUNITY, from, to, asOf))));
    }

    /**
     * One community's page.
     *
     * @throws ValidationException when there is no community with that id
     */
    public CommunityPage communityPage(long communityId, LocalDate from, LocalDate to, LocalDate asOf) {
        return store.read(tx -> {
            Community community = tx.organization().communities().stream().filter(c -> c.id() == communityId)
                    .findFirst().orElseThrow(() -> new ValidationException(
                            Problem.of(Field.COMMUNITY, "report.community.unknown", communityId)));
            TallyQuery query = new TallyQuery(Grouping.COMMUNITY, from, to, asOf, communityId, null);
            TallyResult byCommunity = TallyService.summarize(tx, query);
            LeadFilter leads = LeadFilter.all(asOf).withPeriod(from, to).withCommunity(communityId);
            return new CommunityPage(scope(tx, from, to, asOf), community, byCommunity.total(),
                    inDictionaryOrder(tx, TallyService.summarize(tx, query.withGrouping(Grouping.TYPE)),
                            DictionaryKind.DISPUTE_TYPE),
                    inDictionaryOrder(tx, TallyService.summarize(tx, query.withGrouping(Grouping.SOURCE_GROUP)),
                            DictionaryKind.SOURCE_GROUP),
                    listed(tx, leads.withColumn(TallyColumn.OVERDUE), new LeadSort(LeadSort.Column.DUE_ON, true)),
                    listed(tx, leads.withColumn(TallyColumn.LEADS).withRisks(Set.of(RiskLevel.RED, RiskLevel.ORANGE)),
                            new LeadSort(LeadSort.Column.RISK, false)));
        });
    }

    /**
     * The official statistics table over the whole jurisdiction, counted on {@code basis}: cases
     * accepted in the period (the official way) or leads found in it (as the summaries count). Its
     * 本年累计 runs from 1 January of the period's end year (the period's end, or the as-of day when
     * the period is open) to that end; its 同比 compares with the same period and as-of day a year
     * earlier, so that both years are counted with the same lag.
     */
    public StatisticsTable statisticsTable(LocalDate from, LocalDate to, LocalDate asOf, PeriodBasis basis) {
        return store.read(tx -> {
            TallyQuery byType = new TallyQuery(Grouping.TYPE, from, to, asOf, null, null, basis);
            TallyResult types = TallyService.summarize(tx, byType);
            StatisticsResult figures = StatisticsTally.summarize(tx, byType);
            LocalDate end = to != null ? to : asOf;
            StatisticsTable.Period yearToDate = new StatisticsTable.Period(end.withDayOfYear(1), end, asOf);
            StatisticsTable.Period yearEarlier = new StatisticsTable.Period(from == null ? null : from.minusYears(1),
                    end.minusYears(1), asOf.minusYears(1));
            Totals period = new Totals(types.total().counts(), figures.total().counts(),
                    screenings(tx, from, to, asOf));
            Totals sinceNewYear = totals(tx, byType, yearToDate);
            Totals lastYear = totals(tx, byType, yearEarlier);
            List<StatisticsTable.OrganizationRow> organization = organization(tx);
            StatisticsTable.OrganizationRow organizationTotal = organization.stream()
                    .reduce(new StatisticsTable.OrganizationRow(null, 0, 0, 0), StatisticsTable.OrganizationRow::plus);
            return new StatisticsTable(scope(tx, from, to, asOf), basis,
                    StatisticsComparison.mainFigures(period, sinceNewYear, lastYear), yearToDate, yearEarlier,
                    inDictionaryOrder(tx, types, DictionaryKind.DISPUTE_TYPE), figures,
                    inDictionaryOrder(tx, TallyService.summarize(tx, byType.withGrouping(Grouping.SOURCE_GROUP)),
                            DictionaryKind.SOURCE_GROUP), organization, organizationTotal);
        });
    }

    private static Totals totals(Tx tx, TallyQuery query, StatisticsTable.Period period) {
        TallyQuery shifted = query.withPeriod(period.from(), period.to(), period.asOf());
        return new Totals(TallyService.summarize(tx, shifted).total().counts(),
                StatisticsTally.summarize(tx, shifted).total().counts(),
                screenings(tx, period.from(), period.to(), period.asOf()));
    }

    /** The screening rounds of every committee held in the period and by the as-of day (排查纠纷(次)). */
    private static long screenings(Tx tx, LocalDate from, LocalDate to, LocalDate asOf) {
        LocalDate end = to == null || to.isAfter(asOf) ? asOf : to;
        return tx.monthly().countScreenings(null, from, end).rounds();
    }

    /**
     * The active committees of each kind with their active 专职 and 兼职 mediators, as registered now
     * (the organization keeps no history). Mediators of no committee or of an inactive one are not counted.
     */
    private static List<StatisticsTable.OrganizationRow> organization(Tx tx) {
        List<Committee> committees = tx.organization().committees().stream().filter(Committee::active).toList();
        List<Person> mediators = tx.organization().people().stream().filter(p -> p.active() && p.role().mediates())
                .toList();
        List<StatisticsTable.OrganizationRow> rows = new ArrayList<>();
        for (CommitteeKind kind : CommitteeKind.values()) {
            Set<Long> ofKind = committees.stream().filter(c -> c.kind() == kind).map(Committee::id)
                    .collect(Collectors.toSet());
            long fullTime = mediators.stream().filter(p -> p.role() == PersonRole.FULL_TIME_MEDIATOR
                    && ofKind.contains(p.committeeId())).count();
            long partTime = mediators.stream().filter(p -> p.role() == PersonRole.PART_TIME_MEDIATOR
                    && ofKind.contains(p.committeeId())).count();
            rows.add(new StatisticsTable.OrganizationRow(kind, ofKind.size(), fullTime, partTime));
        }
        return rows;
    }

    /** Any summary, as the summary screen or the {@code summary} command shows it, ready to print or export. */
    public SummaryReport summary(TallyQuery query) {
        return store.read(tx -> new SummaryReport(scope(tx, query.from(), query.to(), query.asOf()),
                TallyService.summarize(tx, query), communityName(tx, query.communityId()),
                committeeName(tx, query.committeeId())));
    }

    /** The scope lines of a ledger export over the leads {@code query} selects. */
    public ReportScope scope(TallyQuery query) {
        return store.read(tx -> scope(tx, query.from(), query.to(), query.asOf()));
    }

    /**
     * Hands every lead {@code query} selects (duplicates included) to {@code sink}, in the order they
     * were found, judged at the end of the as-of day; for exporting the ledger. The rows are streamed
     * inside one read transaction, so {@code sink} should write them away rather than keep them.
     */
    public void ledgerRows(TallyQuery query, Consumer<LedgerExportRow> sink) {
        store.read(tx -> {
            Long committeeId = Access.scopedCommittee(tx, actor, query.committeeId());
            tx.ledgerExport().forEach(query.withCommittee(committeeId), sink);
            return null;
        });
    }

    private ReportScope scope(Tx tx, LocalDate from, LocalDate to, LocalDate asOf) {
        String jurisdiction = tx.organization().jurisdiction().map(Jurisdiction::name).orElse("");
        return new ReportScope(jurisdiction, from, to, asOf, LocalDate.now(clock));
    }

    /**
     * The rows of {@code result} in the dictionary's own order (the Ministry of Justice's order of
     * the dispute types: 婚姻家庭, 邻里 …), which printed forms follow; the rows themselves unchanged.
     */
    private static TallyResult inDictionaryOrder(Tx tx, TallyResult result, DictionaryKind kind) {
        Map<String, Integer> order = new HashMap<>();
        for (DictionaryEntry entry : tx.dictionaries().entries(kind)) {
            order.put(entry.code(), entry.sortOrder());
        }
        List<TallyRow> rows = result.rows().stream()
                .sorted(Comparator.comparing((TallyRow r) -> order.getOrDefault(r.code(), Integer.MAX_VALUE))
                        .thenComparing(TallyRow::code))
                .toList();
        return new TallyResult(result.query(), rows, result.total());
    }

    /** Every lead the filter selects, a page of the lead search at a time. */
    private static List<ListedLead> listed(Tx tx, LeadFilter filter, LeadSort sort) {
        List<ListedLead> listed = new ArrayList<>();
        tx.search().forEach(filter, sort, LeadSearchService.MAX_PAGE_SIZE, row -> {
            boolean accepted = row.state().isAccepted();
            listed.add(new ListedLead(accepted ? row.caseNumber() : null, row.leadNo(), row.foundOn(),
                    row.typeZh(), row.typeEn(), row.risk(), row.state(), accepted ? row.dueOn() : null,
                    row.overdue()));
        });
        return listed;
    }

    private static String communityName(Tx tx, Long id) {
        return id == null ? null : tx.organization().communities().stream().filter(c -> c.id() == id)
                .map(Community::name).findFirst().orElse(null);
    }

    private static String committeeName(Tx tx, Long id) {
        return id == null ? null : tx.organization().committees().stream().filter(c -> c.id() == id)
                .map(c -> c.name()).findFirst().orElse(null);
    }
}

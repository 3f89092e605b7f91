package cn.mediationdesk.logic.demo;

import cn.mediationdesk.logic.demo.DemoLayout.CommitteePlan;
import cn.mediationdesk.logic.lifecycle.PartyInput;
import cn.mediationdesk.model.AgreementForm;
import cn.mediationdesk.model.Gender;
import cn.mediationdesk.model.Outcome;
import cn.mediationdesk.model.PartyRole;
import cn.mediationdesk.model.Performance;
import cn.mediationdesk.model.RiskLevel;
import cn.mediationdesk.model.Satisfaction;
import cn.mediationdesk.model.VerificationResult;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Plans the demo's leads, deterministically from a seed. The 2022 leads are dealt so that the
 * summary for 2022 as of 2022-12-31 shows the seed report's figures — 87 leads, 64 resolved — with
 * every other column in use: a few leads found in late December are still pending, one genuine lead
 * was declined by a party, four cases are still being mediated at the year's end (two of them past
 * their due date, one saved by an extension), and three leads repeat earlier ones. Everything that remained open at the end of 2022
 * is settled in early 2023, and a dozen 2023 leads follow.
 */
final class DemoPlanner {
    static final LocalDate YEAR_END = LocalDate.of(2022, 12, 31);
    /** Closing dates of the ordinary 2022 cases stay inside the year. */
    private static final LocalDate LAST_CLOSING = LocalDate.of(2022, 12, 30);

    /** How the 87 countable 2022 leads stand at the year's end. */
    enum Fate {
        RESOLVED, FAILED, TERMINATED, UNFOUNDED, TRANSFERRED,
        /** Accepted 2022-10, due 2022-11: overdue at the year's end, resolved in January. */
        MEDIATING_OVERDUE,
        /** Accepted 2022-11, due 2022-12: overdue at the year's end, fails in January. */
        MEDIATING_OVERDUE_FAILS,
        /** Accepted mid-December: not yet due at the year's end. */
        MEDIATING_RECENT,
        /** Accepted early November, due date moved into January by an extension. */
        MEDIATING_EXTENDED,
        /** Found just after Christmas, verified in January. */
        PENDING_UNVERIFIED,
        /** Verified genuine on 2022-12-30, when the respondent refused mediation: declined. */
        DECLINED,
        /** Found at the year's end, found unfounded in January. */
        PENDING_THEN_UNFOUNDED
    }

    static final Map<Fate, Integer> FATES_2022 = fates();

    private static Map<Fate, Integer> fates() {
        Map<Fate, Integer> fates = new LinkedHashMap<>();
        fates.put(Fate.RESOLVED, 64);
        fates.put(Fate.FAILED, 5);
        fates.put(Fate.TERMINATED, 4);
        fates.put(Fate.UNFOUNDED, 4);
        fates.put(Fate.TRANSFERRED, 3);
        fates.put(Fate.MEDIATING_OVERDUE, 1);
        fates.put(Fate.MEDIATING_OVERDUE_FAILS, 1);
        fates.put(Fate.MEDIATING_RECENT, 1);
        fates.put(Fate.MEDIATING_EXTENDED, 1);
        fates.put(Fate.PENDING_UNVERIFIED, 1);
        fates.put(Fate.DECLINED, 1);
        fates.put(Fate.PENDING_THEN_UNFOUNDED, 1);
        return Collections.unmodifiableMap(fates);
    }

    /** Leads found per month of 2022 are drawn with these weights (more around the Spring Festival and in summer). */
    private static final int[] MONTH_WEIGHTS = {9, 8, 7, 7, 8, 9, 8, 7, 7, 6, 6};
    private static final int LEADS_2023 = 12;
    /** Committees whose earlier lead gets reported a second time. */
    private static final int[] DUPLICATE_COMMITTEES = {0, 1, 3};

    private final Random random;
    private final List<String> names;
    private int nextName;

    DemoPlanner(long seed) {
        this.random = new Random(seed);
        List<String> all = new ArrayList<>();
        for (String surname : DemoTexts.SURNAMES) {
            all.add(surname + "某");
            all.add(surname + "某某");
        }
        Collections.shuffle(all, random);
        this.names = all;
    }

    /** A fresh person's name, like 张某 or 李某某; repeats only after a hundred and twenty. */
    String name() {
        return names.get(nextName++ % names.size());
    }

    /** Every lead of the demo, in the order they were found. */
    List<DemoLead> plan() {
        List<DemoLead> leads = new ArrayList<>();
        List<Fate> fates = new ArrayList<>();
        FATES_2022.forEach((fate, count) -> fates.addAll(Collections.nCopies(count, fate)));
        Collections.shuffle(fates, random);
        int next = 0;
        for (int c = 0; c < DemoLayout.COMMITTEES.size(); c++) {
            CommitteePlan committee = DemoLayout.COMMITTEES.get(c);
            for (int slot = 0; slot < committee.leads2022(); slot++) {
                DemoLead lead = basics(c, null);
                flagged(lead, c, slot);
                lead.foundOn = switch (fates.get(next)) {
                    case MEDIATING_OVERDUE -> LocalDate.of(2022, 10, 17);
                    case MEDIATING_OVERDUE_FAILS -> LocalDate.of(2022, 11, 7);
                    case MEDIATING_RECENT -> LocalDate.of(2022, 12, 12);
                    case MEDIATING_EXTENDED -> LocalDate.of(2022, 11, 1);
                    case PENDING_UNVERIFIED -> LocalDate.of(2022, 12, 26);
                    case DECLINED -> LocalDate.of(2022, 12, 28);
                    case PENDING_THEN_UNFOUNDED -> LocalDate.of(2022, 12, 29);
                    default -> day2022();
                };
                live(lead, fates.get(next++));
                leads.add(lead);
            }
        }
        for (int committee : DUPLICATE_COMMITTEES) {
            leads.add(duplicateOf(firstResolved(leads, committee)));
        }
        for (int i = 0; i < LEADS_2023; i++) {
            DemoLead lead = basics(weightedCommittee(), null);
            lead.foundOn = LocalDate.of(2023, 1, 4).plusDays(random.nextInt(86));
            live(lead, i == 3 ? Fate.FAILED : i == 7 ? Fate.UNFOUNDED : i == 10 ? Fate.TERMINATED : Fate.RESOLVED);
            leads.add(lead);
        }
        leads.sort(Comparator.comparing((DemoLead l) -> l.foundOn));
        numberLeads(leads);
        markJudicialConfirmations(leads);
        return leads;
    }

    // ---- what a lead is about ----

    private DemoLead basics(int committee, String forcedType) {
        DemoLead lead = new DemoLead();
        lead.committee = committee;
        lead.community = community(committee);
        lead.grid = random.nextInt(10) < 8 ? random.nextInt(DemoLayout.GRIDS_PER_COMMUNITY) : null;
        lead.type = forcedType != null ? forcedType : type(committee, lead.community);
        lead.source = source(lead.type);
        lead.risk = random.nextInt(100) < 62 ? RiskLevel.BLUE : random.nextInt(100) < 80 ? RiskLevel.YELLOW
                : RiskLevel.ORANGE;
        describe(lead, random.nextInt(DemoTexts.SUMMARIES.get(lead.type).size()), 2 + random.nextInt(2));
        return lead;
    }

    /** A few leads carry the risks a screening exists to catch: many people, or a possible crime. */
    private void flagged(DemoLead lead, int committee, int slot) {
        if (slot != 0 && !(committee == 0 && slot == 1)) {
            return;
        }
        switch (committee) {
            case 0 -> {
                lead.type = slot == 0 ? "LAND_REQUISITION" : "LABOR";
                lead.source = slot == 0 ? "PETITION_REFERRAL" : "GRID_REPORT";
                describe(lead, 0, slot == 0 ? 23 : 12);
                lead.risk = RiskLevel.RED;
                lead.groupRisk = true;
            }
            case 1 -> {
                lead.type = "MARRIAGE_FAMILY";
                describe(lead, 0, 2);
                lead.risk = RiskLevel.ORANGE;
                lead.criminalRisk = true;
            }
            case 3 -> {
                lead.type = "NEIGHBOR";
                describe(lead, 1, 2);
                lead.risk = RiskLevel.ORANGE;
                lead.criminalRisk = true;
            }
            default -> { }
        }
    }

    private void describe(DemoLead lead, int template, int people) {
        String applicant = name();
        String respondent = name();
        lead.parties = List.of(party(applicant, PartyRole.APPLICANT), party(respondent, PartyRole.RESPONDENT));
        lead.people = people;
        lead.summary = DemoTexts.fill(DemoTexts.SUMMARIES.get(lead.type).get(template), applicant, respondent, people);
        lead.amount = amount(lead.type, people);
    }

    private PartyInput party(String name, PartyRole role) {
        // No ID numbers or phones: the demo's people are fictitious and must not look real.
        return new PartyInput(name, random.nextBoolean() ? Gender.MALE : Gender.FEMALE, null, null, null, role);
    }

    private int community(int committee) {
        Integer own = DemoLayout.COMMITTEES.get(committee).community();
        if (own != null) {
            return own;
        }
        if (committee == DemoLayout.PROPERTY_COMMITTEE) {
            return random.nextInt(6); // the urban communities, where property companies are
        }
        // The district's own committee serves the two communities without one, and takes big cases from all.
        int draw = random.nextInt(10);
        return draw < 4 ? 5 : draw < 8 ? 7 : random.nextInt(DemoLayout.COMMUNITIES.size());
    }

    private String type(int committee, int community) {
        if (committee == DemoLayout.PROPERTY_COMMITTEE) {
            return pick("PROPERTY_MGMT", 6, "NEIGHBOR", 1, "CONSUMER", 1);
        }
        if (committee == DemoLayout.JURISDICTION_COMMITTEE) {
            return DemoLayout.VILLAGES.contains(community) && random.nextBoolean()
                    ? pick("FOREST_LAND", 2, "HOUSING_HOMESTEAD", 2, "LAND_REQUISITION", 1, "MARRIAGE_FAMILY", 1)
                    : pick("LABOR", 3, "TRAFFIC", 2, "MEDICAL", 2, "PRODUCTION_BUSINESS", 2, "ENVIRONMENT", 2,
                            "CONTRACT", 2, "LAND_REQUISITION", 1);
        }
        if (DemoLayout.VILLAGES.contains(community)) {
            return pick("HOUSING_HOMESTEAD", 3, "FOREST_LAND", 3, "NEIGHBOR", 3, "MARRIAGE_FAMILY", 2,
                    "PRODUCTION_BUSINESS", 1, "DAMAGES", 1);
        }
        return pick("NEIGHBOR", 5, "MARRIAGE_FAMILY", 3, "CONTRACT", 2, "DAMAGES", 2, "CONSUMER", 2,
                "HOUSING_HOMESTEAD", 1, "TRAFFIC", 1, "LABOR", 1, "OTHER", 1);
    }

    private String source(String type) {
        if (type.equals("TRAFFIC") && random.nextBoolean()) {
            return "POLICE_REFERRAL";
        }
        if (type.equals("MEDICAL") && random.nextBoolean()) {
            return "COURT_REFERRAL";
        }
        return pick("SCREENING", 30, "GRID_REPORT", 25, "PARTY_APPLICATION", 15, "WALK_IN", 12, "POLICE_REFERRAL", 5,
                "COURT_REFERRAL", 3, "PETITION_REFERRAL", 4, "GOVERNMENT_ASSIGNED", 3, "OTHER", 3);
    }

    /** Yuan, in whole hundreds; none for disputes that are not about money. */
    private BigDecimal amount(String type, int people) {
        int[] range = switch (type) {
            case "CONTRACT" -> new int[] {50, 800};
            case "PRODUCTION_BUSINESS" -> new int[] {100, 1000};
            case "DAMAGES" -> new int[] {20, 300};
            case "LABOR" -> new int[] {30 * Math.max(1, people / 2), 200 * Math.max(1, people / 2)};
            case "TRAFFIC" -> new int[] {30, 500};
            case "MEDICAL" -> new int[] {100, 1200};
            case "PROPERTY_MGMT" -> new int[] {8, 120};
            case "CONSUMER" -> new int[] {5, 80};
            case "LAND_REQUISITION" -> new int[] {500, 3000};
            case "MARRIAGE_FAMILY" -> random.nextInt(3) == 0 ? new int[] {100, 500} : null;
            default -> null;
        };
        return range == null ? null
                : BigDecimal.valueOf(100L * (range[0] + random.nextInt(range[1] - range[0] + 1))).setScale(2);
    }

    // ---- what happens to it ----

    private void live(DemoLead lead, Fate fate) {
        LocalDate found = lead.foundOn;
        switch (fate) {
            case RESOLVED, FAILED, TERMINATED -> {
                verified(lead, VerificationResult.GENUINE, found.plusDays(random.nextInt(4)));
                lead.acceptedOn = lead.verifiedOn;
                Outcome outcome = Outcome.valueOf(fate.name());
                boolean extended = outcome != Outcome.TERMINATED && found.getYear() == 2022
                        && found.getMonthValue() < 10 && random.nextInt(12) == 0;
                if (extended) {
                    lead.extensionAgreedOn = lead.acceptedOn.plusDays(26);
                    lead.extendedDueOn = lead.acceptedOn.plusDays(50);
                }
                int days = extended ? 32 + random.nextInt(16) : switch (outcome) {
                    case RESOLVED -> 2 + random.nextInt(25);
                    case FAILED -> 10 + random.nextInt(20);
                    case TERMINATED -> 3 + random.nextInt(16);
                };
                LocalDate closed = lead.acceptedOn.plusDays(days);
                if (found.getYear() == 2022 && closed.isAfter(LAST_CLOSING)) {
                    closed = LAST_CLOSING.isBefore(lead.acceptedOn) ? lead.acceptedOn : LAST_CLOSING;
                }
                close(lead, outcome, closed, outcome == Outcome.FAILED ? 2 + random.nextInt(2) : 1 + random.nextInt(2));
            }
            case UNFOUNDED -> verified(lead, VerificationResult.UNFOUNDED, found.plusDays(1 + random.nextInt(6)));
            case TRANSFERRED -> {
                verified(lead, VerificationResult.TRANSFERRED, found.plusDays(1 + random.nextInt(6)));
                lead.transferredTo = lead.criminalRisk ? DemoTexts.TRANSFER_BODIES.getFirst() : switch (lead.type) {
                    case "LABOR" -> DemoTexts.TRANSFER_BODIES.get(1);
                    case "FOREST_LAND", "LAND_REQUISITION", "HOUSING_HOMESTEAD" -> DemoTexts.TRANSFER_BODIES.get(3);
                    default -> DemoTexts.TRANSFER_BODIES.get(2);
                };
            }
            case MEDIATING_OVERDUE -> {
                verified(lead, VerificationResult.GENUINE, found.plusDays(2));
                lead.acceptedOn = lead.verifiedOn;
                lead.sessions.add(lead.acceptedOn.plusDays(6));
                lead.sessions.add(lead.acceptedOn.plusDays(27));
                close(lead, Outcome.RESOLVED, LocalDate.of(2023, 1, 9), 1);
            }
            case MEDIATING_OVERDUE_FAILS -> {
                verified(lead, VerificationResult.GENUINE, found.plusDays(2));
                lead.acceptedOn = lead.verifiedOn;
                lead.sessions.add(lead.acceptedOn.plusDays(11));
                close(lead, Outcome.FAILED, LocalDate.of(2023, 1, 16), 1);
            }
            case MEDIATING_RECENT -> {
                verified(lead, VerificationResult.GENUINE, found.plusDays(2));
                lead.acceptedOn = lead.verifiedOn;
                lead.sessions.add(lead.acceptedOn.plusDays(6));
                close(lead, Outcome.RESOLVED, LocalDate.of(2023, 1, 5), 1);
            }
            case MEDIATING_EXTENDED -> {
                verified(lead, VerificationResult.GENUINE, found.plusDays(2));
                lead.acceptedOn = lead.verifiedOn;
                lead.sessions.add(lead.acceptedOn.plusDays(7));
                lead.extensionAgreedOn = lead.acceptedOn.plusDays(25);
                lead.extendedDueOn = LocalDate.of(2023, 1, 15);
                lead.sessions.add(lead.extensionAgreedOn);
                close(lead, Outcome.RESOLVED, LocalDate.of(2023, 1, 12), 1);
            }
            case PENDING_UNVERIFIED -> {
                verified(lead, VerificationResult.GENUINE, LocalDate.of(2023, 1, 4));
                lead.acceptedOn = lead.verifiedOn;
                close(lead, Outcome.RESOLVED, LocalDate.of(2023, 1, 20), 2);
            }
            case DECLINED -> {
                verified(lead, VerificationResult.GENUINE, LocalDate.of(2022, 12, 30));
                lead.declinedOn = LocalDate.of(2022, 12, 30);
                lead.declinedBy = lead.respondent();
            }
            case PENDING_THEN_UNFOUNDED -> verified(lead, VerificationResult.UNFOUNDED, LocalDate.of(2023, 1, 5));
        }
    }

    private void verified(DemoLead lead, VerificationResult result, LocalDate on) {
        lead.result = result;
        lead.verifiedOn = on;
        lead.verificationSteps.add(lead.foundOn.plusDays(random.nextInt((int) days(lead.foundOn, on) + 1)));
        if (random.nextInt(3) == 0) {
            lead.verificationSteps.add(on);
        }
        lead.verificationSteps.sort(Comparator.naturalOrder());
    }

    /** Sessions up to the closing day (the last one is where the agreement is made), the agreement, the visit after. */
    private void close(DemoLead lead, Outcome outcome, LocalDate closedOn, int sessions) {
        lead.outcome = outcome;
        lead.closedOn = closedOn;
        long span = days(lead.acceptedOn, closedOn);
        for (int i = 1; i < sessions; i++) {
            lead.sessions.add(lead.acceptedOn.plusDays(random.nextInt((int) span + 1)));
        }
        lead.sessions.add(closedOn);
        lead.sessions.sort(Comparator.naturalOrder());
        if (outcome != Outcome.RESOLVED) {
            return;
        }
        boolean written = lead.amount != null || random.nextInt(10) < 6;
        lead.agreementForm = written ? AgreementForm.WRITTEN : AgreementForm.ORAL;
        if (lead.amount != null) {
            long hundreds = lead.amount.longValue() / 100;
            lead.agreedAmount = BigDecimal.valueOf(100L * Math.max(1, hundreds * (5 + random.nextInt(6)) / 10))
                    .setScale(2);
            lead.performanceDeadline = written ? closedOn.plusDays(15 + random.nextInt(46)) : null;
        }
        if (random.nextInt(4) != 0) {
            lead.followUpOn = closedOn.plusDays(7 + random.nextInt(39));
            int draw = random.nextInt(20);
            lead.performance = draw == 0 ? Performance.NOT_PERFORMED : draw < 3 ? Performance.PARTLY
                    : Performance.PERFORMED;
            lead.satisfaction = lead.performance == Performance.PERFORMED ? Satisfaction.SATISFIED
                    : lead.performance == Performance.PARTLY ? Satisfaction.NEUTRAL : Satisfaction.DISSATISFIED;
            lead.escalationSigns = lead.performance == Performance.NOT_PERFORMED;
        }
    }

    /** The same dispute reported a second time, two days later, by another way in. */
    private DemoLead duplicateOf(DemoLead original) {
        DemoLead lead = new DemoLead();
        lead.committee = original.committee;
        lead.community = original.community;
        lead.grid = original.grid;
        lead.type = original.type;
        lead.source = original.source.equals("WALK_IN") ? "PARTY_APPLICATION" : "WALK_IN";
        lead.summary = original.summary;
        lead.parties = original.parties;
        lead.people = original.people;
        lead.amount = original.amount;
        lead.risk = original.risk;
        lead.foundOn = original.foundOn.plusDays(2);
        verified(lead, VerificationResult.DUPLICATE, lead.foundOn.plusDays(1));
        lead.duplicateOf = original;
        return lead;
    }

    private static DemoLead firstResolved(List<DemoLead> leads, int committee) {
        return leads.stream()
                .filter(l -> l.committee == committee && l.outcome == Outcome.RESOLVED && l.closedOn.getYear() == 2022
                        && l.foundOn.getMonthValue() >= 3)
                .min(Comparator.comparing((DemoLead l) -> l.foundOn)).orElseThrow();
    }

    /** Two agreements with money in them are confirmed by the court. */
    private static void markJudicialConfirmations(List<DemoLead> leads) {
        leads.stream().filter(l -> l.agreementForm == AgreementForm.WRITTEN && l.agreedAmount != null
                        && l.agreedAmount.compareTo(BigDecimal.valueOf(10_000)) >= 0)
                .limit(2).forEach(l -> l.judicialConfirmation = true);
    }

    /** 线索编号 per committee and year: 2022-001, 2022-002 … */
    private static void numberLeads(List<DemoLead> leads) {
        Map<String, Integer> counters = new HashMap<>();
        for (DemoLead lead : leads) {
            int year = lead.foundOn.getYear();
            int n = counters.merge(lead.committee + "/" + year, 1, Integer::sum);
            lead.leadNo = "%d-%03d".formatted(year, n);
        }
    }

    private int weightedCommittee() {
        int total = DemoLayout.COMMITTEES.stream().mapToInt(CommitteePlan::leads2022).sum();
        int draw = random.nextInt(total);
        for (int c = 0; c < DemoLayout.COMMITTEES.size(); c++) {
            draw -= DemoLayout.COMMITTEES.get(c).leads2022();
            if (draw < 0) {
                return c;
            }
        }
        return 0;
    }

    /** A day of January to late November 2022, weighted by month. */
    private LocalDate day2022() {
        int total = 0;
        for (int w : MONTH_WEIGHTS) {
            total += w;
        }
        int draw = random.nextInt(total);
        int month = 0;
        while (draw >= MONTH_WEIGHTS[month]) {
            draw -= MONTH_WEIGHTS[month++];
        }
        int lastDay = month == 10 ? 25 : 28;
        return LocalDate.of(2022, month + 1, 1 + random.nextInt(lastDay));
    }

    /** One of {@code choices}, given as value, weight, value, weight … */
    private String pick(Object... choices) {
        int total = 0;
        for (int i = 1; i < choices.length; i += 2) {
            total += (Integer) choices[i];
        }
        int draw = random.nextInt(total);
        for (int i = 0; i < choices.length; i += 2) {
            draw -= (Integer) choices[i + 1];
            if (draw < 0) {
                return (String) choices[i];
            }
        }
        throw new IllegalStateException();
    }

    private static long days(LocalDate from, LocalDate to) {
        return ChronoUnit.DAYS.between(from, to);
    }
}

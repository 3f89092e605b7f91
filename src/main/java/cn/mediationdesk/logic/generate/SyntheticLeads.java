package cn.mediationdesk.logic.generate;

import cn.mediationdesk.logic.lifecycle.CaseSettings;
import cn.mediationdesk.logic.store.GeneratedLead;
import cn.mediationdesk.model.Agreement;
import cn.mediationdesk.model.AgreementForm;
import cn.mediationdesk.model.CaseNumber;
import cn.mediationdesk.model.CaseRecord;
import cn.mediationdesk.model.Committee;
import cn.mediationdesk.model.CommitteeKind;
import cn.mediationdesk.model.Community;
import cn.mediationdesk.model.ConsentWay;
import cn.mediationdesk.model.Extension;
import cn.mediationdesk.model.FollowUp;
import cn.mediationdesk.model.FollowUpWay;
import cn.mediationdesk.model.Gender;
import cn.mediationdesk.model.Grid;
import cn.mediationdesk.model.Lead;
import cn.mediationdesk.model.MediationSession;
import cn.mediationdesk.model.OtherRoute;
import cn.mediationdesk.model.Outcome;
import cn.mediationdesk.model.Party;
import cn.mediationdesk.model.PartyKind;
import cn.mediationdesk.model.PartyRole;
import cn.mediationdesk.model.Performance;
import cn.mediationdesk.model.Person;
import cn.mediationdesk.model.RiskAssessment;
import cn.mediationdesk.model.RiskLevel;
import cn.mediationdesk.model.Satisfaction;
import cn.mediationdesk.model.Transition;
import cn.mediationdesk.model.TransitionKind;
import cn.mediationdesk.model.VerificationResult;
import cn.mediationdesk.model.VerificationStep;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Makes one synthetic lead after another, each with the life the services would have given it: found,
 * verified after a few days (genuine, unfounded, a duplicate of an earlier lead of its committee, or
 * transferred), then declined or accepted with a case number, mediated in sessions (some past the time
 * limit, some extended), and closed with an outcome, an agreement and follow-up visits. Every date obeys
 * DESIGN §4 and none lies after today: what would happen later has not happened yet, so recent leads are
 * still pending or in mediation. Case numbers run gap-free per committee and year of acceptance from
 * the counters the database already holds.
 *
 * <p>Deterministic: the same seed, organization, starting counters and day give the same leads.
 */
final class SyntheticLeads {
    /** DESIGN §3's dispute types and how often each comes to a committee. */
    private static final String[] TYPES = {"MARRIAGE_FAMILY", "NEIGHBOR", "HOUSING_HOMESTEAD", "CONTRACT",
            "PRODUCTION_BUSINESS", "DAMAGES", "FOREST_LAND", "LAND_REQUISITION", "ENVIRONMENT", "LABOR", "CONSUMER",
            "MEDICAL", "TRAFFIC", "PROPERTY_MGMT", "OTHER"};
    private static final double[] TYPE_WEIGHTS = {18, 22, 8, 7, 3, 9, 3, 2, 2, 8, 4, 2, 5, 6, 1};
    /** Disputes about money: their agreements carry an amount. */
    private static final Set<String> MONEY_TYPES = Set.of("CONTRACT", "PRODUCTION_BUSINESS", "DAMAGES", "LABOR",
            "CONSUMER", "MEDICAL", "TRAFFIC", "LAND_REQUISITION");
    /** Disputes in which the respondent is often a company. */
    private static final Set<String> COMPANY_TYPES = Set.of("CONTRACT", "LABOR", "CONSUMER", "MEDICAL",
            "PROPERTY_MGMT", "PRODUCTION_BUSINESS");
    /** DESIGN §3's lead sources and how often leads come from each. */
    private static final String[] SOURCES = {"SCREENING", "GRID_REPORT", "PARTY_APPLICATION", "WALK_IN",
            "POLICE_REFERRAL", "COURT_REFERRAL", "PETITION_REFERRAL", "GOVERNMENT_ASSIGNED", "OTHER", "COURT_ASSIGNED",
            "PROCURATORATE_REFERRAL", "HOTLINE_12345", "CENTER_DISPATCH", "AGENCY_REFERRAL"};
    private static final double[] SOURCE_WEIGHTS = {25, 20, 18, 12, 7, 3, 3, 2, 1, 2, 0.5, 4, 2, 0.5};
    private static final Set<String> APPLICATION_SOURCES = Set.of("PARTY_APPLICATION", "WALK_IN");
    private static final RiskLevel[] RISKS = RiskLevel.values();
    private static final double[] RISK_WEIGHTS = {60, 25, 11, 4};
    /** Earlier leads of a committee a duplicate may repeat: the most recent ones. */
    private static final int RECENT_PER_COMMITTEE = 32;
    /** 09:00 in Beijing, when an office records the day's steps. */
    private static final int RECORDING_HOUR_UTC = 1;

    private final GenerationOrganization organization;
    private final CaseSettings settings;
    private final LocalDate today;
    private final String recordedBy;
    private final String assessedBy;
    private final SplittableRandom random;
    private final TimeOrderedIds ids;
    private final ChineseNames names;
    private final Map<Long, Map<Integer, Integer>> counters;
    private final Map<Long, UUID[]> recent = new HashMap<>();
    private final Map<Long, Integer> recentCount = new HashMap<>();
    private final double[] committeeWeights;
    private final Map<Long, Community> communityById = new HashMap<>();

    /**
     * @param counters the last case number of each committee (by id) and year, as the database holds them;
     *                 raised as leads are accepted
     * @param recordedBy the username transitions are recorded by; {@code assessedBy} the name on assessments
     */
    SyntheticLeads(GenerationOrganization organization, CaseSettings settings, LocalDate today, String recordedBy,
                   String assessedBy, SplittableRandom random, Map<Long, Map<Integer, Integer>> counters) {
        this.organization = organization;
        this.settings = settings;
        this.today = today;
        this.recordedBy = recordedBy;
        this.assessedBy = assessedBy;
        this.random = random;
        this.ids = new TimeOrderedIds(random);
        this.names = new ChineseNames(random, "110101");
        this.counters = counters;
        List<Committee> committees = organization.committees();
        this.committeeWeights = new double[committees.size()];
        for (int i = 0; i < committees.size(); i++) {
            // a jurisdiction's committee takes the larger disputes of every community, a trade one its trade's
            committeeWeights[i] = switch (committees.get(i).kind()) {
                case JURISDICTION -> 1.5;
                case TRADE -> 0.8;
                case COMMUNITY -> 1.0;
            };
        }
        organization.communities().forEach(c -> communityById.put(c.id(), c));
    }

    /** The last case number issued so far, per committee and year. */
    Map<Long, Map<Integer, Integer>> counters() {
        return counters;
    }

    /** Lead number {@code ordinal} of the database (0-based, over every run), found on {@code foundOn}. */
    GeneratedLead next(long ordinal, LocalDate foundOn) {
        Parts parts = new Parts(ordinal);
        UUID id = parts.nextId();
        Committee committee = organization.committees().get(pick(committeeWeights));
        Community community = communityOf(committee);
        List<Grid> grids = organization.gridsByCommunity().getOrDefault(community.id(), List.of());
        Grid grid = !grids.isEmpty() && random.nextInt(10) < 7 ? grids.get(random.nextInt(grids.size())) : null;
        List<Person> mediatorPool = organization.mediatorsByCommittee().getOrDefault(committee.id(), List.of());
        String type = TYPES[pick(TYPE_WEIGHTS)];
        String source = SOURCES[pick(SOURCE_WEIGHTS)];

        List<Party> parties = parties(parts, id, type, community);
        String applicant = parties.getFirst().name();
        String respondent = parties.size() > 1 ? parties.get(1).name() : "相关方";
        String summary = SyntheticTexts.summary(type, applicant, respondent, random);
        RiskLevel risk = RISKS[pick(RISK_WEIGHTS)];
        boolean criminalRisk = risk.ordinal() >= RiskLevel.ORANGE.ordinal() && random.nextInt(4) == 0;
        boolean groupRisk = random.nextInt(50) == 0;
        int people = groupRisk ? 10 + random.nextInt(50) : parties.size() + (random.nextInt(5) == 0 ? 1 : 0);
        BigDecimal amount = MONEY_TYPES.contains(type) && random.nextInt(3) > 0 ? money(500, 200_000) : null;
        String leadNo = committee.code() + "-" + foundOn.getYear() + "-" + (ordinal + 1);

        List<Transition> transitions = new ArrayList<>(6);
        transitions.add(transition(parts, id, TransitionKind.FOUND, foundOn, null));

        // verification
        boolean neverVerified = random.nextInt(250) == 0;
        LocalDate verifiedOn = foundOn.plusDays(random.nextInt(3) + (random.nextInt(4) == 0 ? random.nextInt(8) : 0));
        List<VerificationStep> steps = new ArrayList<>(2);
        int stepCount = random.nextInt(20) < 14 ? 1 : random.nextInt(5) < 4 ? 2 : 3;
        for (int s = 0; s < stepCount; s++) {
            LocalDate on = s == stepCount - 1 ? verifiedOn
                    : foundOn.plusDays((long) (random.nextDouble() * (verifiedOn.toEpochDay() - foundOn.toEpochDay())));
            if (on.isAfter(today) || neverVerified && s > 0) {
                break;
            }
            Long person = grid != null && s == 0 && grid.gridWorkerId() != null ? grid.gridWorkerId()
                    : mediatorPool.isEmpty() ? null : mediatorPool.getFirst().id();
            steps.add(new VerificationStep(parts.nextId(), id, on,
                    SyntheticTexts.VERIFICATION_METHODS[random.nextInt(SyntheticTexts.VERIFICATION_METHODS.length)],
                    SyntheticTexts.VERIFICATION_NOTE, person));
        }
        Life life = new Life();
        if (!neverVerified && !verifiedOn.isAfter(today)) {
            live(life, parts, id, committee, type, verifiedOn, applicant, respondent, mediatorPool, transitions);
        }

        // risk: the first assessment on the day found, now and then a later one that changes the level
        List<RiskAssessment> assessments = new ArrayList<>(2);
        Instant foundAt = at(foundOn, 0);
        assessments.add(new RiskAssessment(parts.nextId(), id, foundOn, risk, criminalRisk, groupRisk, assessedBy, null,
                foundAt));
        RiskLevel riskNow = risk;
        boolean criminalNow = criminalRisk;
        boolean groupNow = groupRisk;
        if (random.nextInt(8) == 0) {
            LocalDate until = life.closedOn != null ? life.closedOn : today;
            long span = until.toEpochDay() - foundOn.toEpochDay();
            if (span > 0) {
                LocalDate on = foundOn.plusDays(1 + random.nextLong(span));
                int step = risk == RiskLevel.BLUE ? 1 : risk == RiskLevel.RED ? -1 : random.nextBoolean() ? 1 : -1;
                riskNow = RISKS[risk.ordinal() + step];
                criminalNow = criminalRisk || riskNow == RiskLevel.RED && random.nextInt(3) == 0;
                groupNow = groupRisk && step > 0;
                assessments.add(new RiskAssessment(parts.nextId(), id, on, riskNow, criminalNow, groupNow, assessedBy,
                        SyntheticTexts.REASSESSMENT_REASON, at(on, 2)));
            }
        }

        VerificationResult result = life.result;
        Lead lead = new Lead(id, committee.id(), community.id(), grid == null ? null : grid.id(), leadNo, foundOn, source,
                type, summary, people, amount, riskNow, criminalNow, groupNow,
                result == null ? null : verifiedOn, result, life.duplicateOf, life.transferredTo, life.acceptedOn,
                life.caseNumber, life.dueOn, life.closedOn, life.outcome, life.declinedOn, life.declinedBy, 0);

        CaseRecord record = null;
        if (life.acceptedOn != null) {
            boolean applied = APPLICATION_SOURCES.contains(source);
            ConsentWay way = applied ? ConsentWay.WRITTEN_APPLICATION
                    : random.nextInt(4) == 0 ? ConsentWay.ORAL : ConsentWay.SIGNED_REGISTRATION;
            boolean reported = criminalRisk;
            record = new CaseRecord(id, applied ? foundOn : null, applied ? SyntheticTexts.APPLICATION_REQUESTS : null,
                    life.acceptedOn, way, life.acceptedOn, reported ? verifiedOn : null,
                    reported ? SyntheticTexts.TRANSFER_BODIES[0] : null,
                    life.outcome == Outcome.FAILED ? life.closedOn : null,
                    life.outcome == Outcome.FAILED ? routes(type) : Set.of());
        }
        remember(committee.id(), id);
        Instant lastAt = transitions.getLast().recordedAt();
        return new GeneratedLead(lead, parties, steps, life.mediators, life.sessions, life.extensions, life.agreement,
                life.followUps, assessments, transitions, record, lastAt.isBefore(foundAt) ? foundAt : lastAt);
    }

    /** What happened to a lead from its verification on. */
    private static final class Life {
        VerificationResult result;
        UUID duplicateOf;
        String transferredTo;
        LocalDate declinedOn;
        String declinedBy;
        LocalDate acceptedOn;
        CaseNumber caseNumber;
        LocalDate dueOn;
        LocalDate closedOn;
        Outcome outcome;
        List<Long> mediators = List.of();
        List<MediationSession> sessions = List.of();
        List<Extension> extensions = List.of();
        Agreement agreement;
        List<FollowUp> followUps = List.of();
    }

    private void live(Life life, Parts parts, UUID id, Committee committee, String type, LocalDate verifiedOn,
                      String applicant, String respondent, List<Person> mediatorPool, List<Transition> transitions) {
        int draw = random.nextInt(100);
        UUID earlier = draw >= 82 && draw < 87 ? earlierLead(committee.id()) : null;
        if (draw < 82 || draw < 87 && earlier == null) {
            life.result = VerificationResult.GENUINE;
        } else if (draw < 87) {
            life.result = VerificationResult.DUPLICATE;
            life.duplicateOf = earlier;
        } else if (draw < 93) {
            life.result = VerificationResult.UNFOUNDED;
        } else {
            life.result = VerificationResult.TRANSFERRED;
            life.transferredTo = SyntheticTexts.TRANSFER_BODIES[random.nextInt(SyntheticTexts.TRANSFER_BODIES.length)];
        }
        transitions.add(transition(parts, id, TransitionKind.VERIFIED, verifiedOn, life.result.name()));
        if (life.result != VerificationResult.GENUINE) {
            return;
        }
        if (random.nextInt(25) == 0) {
            LocalDate declinedOn = verifiedOn.plusDays(random.nextInt(5));
            if (!declinedOn.isAfter(today)) {
                life.declinedOn = declinedOn;
                life.declinedBy = respondent;
                transitions.add(transition(parts, id, TransitionKind.DECLINED, declinedOn, respondent));
            }
            return;
        }
        LocalDate acceptedOn = random.nextInt(10) < 6 ? verifiedOn : verifiedOn.plusDays(1 + random.nextInt(3));
        if (acceptedOn.isAfter(today) || random.nextInt(300) == 0) {
            return; // genuine, waiting for acceptance
        }
        life.acceptedOn = acceptedOn;
        life.caseNumber = caseNumber(committee, acceptedOn.getYear());
        life.dueOn = acceptedOn.plusDays(settings.timeLimitDays());
        transitions.add(transition(parts, id, TransitionKind.ACCEPTED, acceptedOn, life.caseNumber.text()));
        life.mediators = mediators(mediatorPool);

        int limit = settings.timeLimitDays();
        boolean long_ = random.nextInt(100) < 12;
        int duration = long_ ? limit + 1 + random.nextInt(50) : 2 + random.nextInt(Math.max(1, limit - 3));
        boolean stuck = random.nextInt(100) == 0;
        LocalDate closedOn = acceptedOn.plusDays(duration);
        boolean closes = !stuck && !closedOn.isAfter(today);

        // an extension agreed before the time limit ran out, for most cases that need longer
        if ((long_ || stuck) && random.nextInt(100) < 65) {
            LocalDate agreedOn = acceptedOn.plusDays(Math.max(0, limit - 1 - random.nextInt(5)));
            LocalDate newDue = stuck ? life.dueOn.plusDays(30) : closedOn.plusDays(random.nextInt(10));
            if (!agreedOn.isAfter(today) && newDue.isAfter(life.dueOn) && (!closes || !agreedOn.isAfter(closedOn))) {
                life.extensions = List.of(new Extension(parts.nextId(), id, agreedOn, newDue,
                        SyntheticTexts.EXTENSION_REASON));
                transitions.add(transition(parts, id, TransitionKind.EXTENDED, agreedOn, newDue.toString()));
            }
        }

        LocalDate sessionsUntil = closes ? closedOn : today;
        long span = sessionsUntil.toEpochDay() - acceptedOn.toEpochDay();
        int sessionCount = 1 + random.nextInt(3);
        List<MediationSession> sessions = new ArrayList<>(sessionCount);
        String recorder = mediatorPool.isEmpty() ? applicant : mediatorPool.get(mediatorPool.size() - 1).name();
        String matter = applicant + "与" + respondent + SyntheticTexts.SESSION_MATTER_SUFFIX;
        String place = SyntheticTexts.PLACES[random.nextInt(SyntheticTexts.PLACES.length)];
        String participants = "调解员" + Math.max(1, life.mediators.size()) + "名；申请人" + applicant + "；被申请人" + respondent;
        for (int s = 0; s < sessionCount; s++) {
            boolean last = s == sessionCount - 1;
            LocalDate heldOn = last && closes ? closedOn : acceptedOn.plusDays(span * s / sessionCount);
            if (heldOn.isAfter(today)) {
                break;
            }
            String notes = last && closes ? null : SyntheticTexts.SESSION_NOTE;
            sessions.add(new MediationSession(parts.nextId(), id, heldOn, place, participants, notes, matter, recorder,
                    true, true));
        }
        life.sessions = sessions;
        if (!closes) {
            return;
        }
        int o = random.nextInt(100);
        life.outcome = o < 86 ? Outcome.RESOLVED : o < 95 ? Outcome.FAILED : Outcome.TERMINATED;
        life.closedOn = closedOn;
        MediationSession closing = sessions.getLast();
        sessions.set(sessions.size() - 1, new MediationSession(closing.id(), id, closing.heldOn(), closing.place(),
                closing.participants(), switch (life.outcome) {
                    case RESOLVED -> SyntheticTexts.SESSION_NOTE_RESOLVED;
                    case FAILED -> SyntheticTexts.SESSION_NOTE_FAILED;
                    case TERMINATED -> SyntheticTexts.SESSION_NOTE_TERMINATED;
                }, closing.matter(), closing.recorder(), true, true));
        transitions.add(transition(parts, id, TransitionKind.CLOSED, closedOn, life.outcome.name()));
        if (life.outcome != Outcome.RESOLVED) {
            return;
        }
        boolean written = random.nextInt(5) > 0;
        BigDecimal agreed = MONEY_TYPES.contains(type) ? money(200, 100_000) : null;
        life.agreement = new Agreement(id, written ? AgreementForm.WRITTEN : AgreementForm.ORAL,
                agreed != null ? SyntheticTexts.TERMS_PAYMENT : SyntheticTexts.TERMS_APOLOGY, agreed,
                agreed != null && written ? closedOn.plusDays(7 + random.nextInt(24)) : null, null, null, null,
                agreed != null ? "银行转账" : "当面履行", null);
        if (random.nextInt(10) < 6) {
            LocalDate visitedOn = closedOn.plusDays(10 + random.nextInt(36));
            if (!visitedOn.isAfter(today)) {
                int p = random.nextInt(100);
                Performance performance = p < 80 ? Performance.PERFORMED : p < 93 ? Performance.PARTLY
                        : Performance.NOT_PERFORMED;
                Satisfaction satisfaction = performance == Performance.PERFORMED ? Satisfaction.SATISFIED
                        : performance == Performance.PARTLY ? Satisfaction.NEUTRAL : Satisfaction.DISSATISFIED;
                life.followUps = List.of(new FollowUp(parts.nextId(), id, visitedOn, performance, satisfaction,
                        performance == Performance.NOT_PERFORMED && random.nextInt(3) == 0, null, applicant,
                        random.nextBoolean() ? FollowUpWay.VISIT : FollowUpWay.PHONE, SyntheticTexts.FOLLOW_UP_REASON));
            }
        }
    }

    private List<Party> parties(Parts parts, UUID leadId, String type, Community community) {
        int draw = random.nextInt(100);
        int count = draw < 8 ? 1 : draw < 78 ? 2 : draw < 93 ? 3 : 4;
        List<Party> parties = new ArrayList<>(count);
        for (int p = 0; p < count; p++) {
            PartyRole role = p == 0 ? PartyRole.APPLICANT : p == 1 ? PartyRole.RESPONDENT
                    : random.nextBoolean() ? PartyRole.APPLICANT : PartyRole.OTHER;
            UUID id = parts.nextId();
            if (p == 1 && COMPANY_TYPES.contains(type) && random.nextInt(4) == 0) {
                parties.add(new Party(id, leadId, names.company(), null, null,
                        random.nextBoolean() ? names.mobile() : null, names.address(community.name()), role, p + 1,
                        PartyKind.LEGAL_PERSON, null, null, null, null, null, names.creditCode(),
                        names.name(random.nextBoolean() ? Gender.MALE : Gender.FEMALE), "法定代表人"));
                continue;
            }
            Gender gender = random.nextBoolean() ? Gender.MALE : Gender.FEMALE;
            String idNumber = null;
            LocalDate born = null;
            if (random.nextInt(100) < 35) {
                born = LocalDate.of(today.getYear() - 80, 1, 1).plusDays(random.nextInt(62 * 365));
                idNumber = names.idNumber(born, gender);
            }
            Integer age = born == null && random.nextInt(4) == 0 ? 20 + random.nextInt(60) : null;
            parties.add(new Party(id, leadId, names.name(gender), gender, idNumber,
                    random.nextInt(100) < 55 ? names.mobile() : null,
                    random.nextInt(100) < 45 ? names.address(community.name()) : null, role, p + 1, PartyKind.PERSON,
                    names.ethnicity(), born, age, null, null, null, null, null));
        }
        return parties;
    }

    private List<Long> mediators(List<Person> pool) {
        if (pool.isEmpty()) {
            return List.of();
        }
        Person principal = pool.get(random.nextInt(pool.size()));
        if (pool.size() == 1 || random.nextInt(3) > 0) {
            return List.of(principal.id());
        }
        Person second = pool.get(random.nextInt(pool.size()));
        return second.id() == principal.id() ? List.of(principal.id()) : List.of(principal.id(), second.id());
    }

    private CaseNumber caseNumber(Committee committee, int year) {
        Map<Integer, Integer> byYear = counters.computeIfAbsent(committee.id(), c -> new HashMap<>());
        int sequence = byYear.merge(year, 1, Integer::sum);
        return new CaseNumber(year, sequence, settings.numberFormat().format(year, committee.shortName(), sequence));
    }

    private Community communityOf(Committee committee) {
        if (committee.kind() == CommitteeKind.COMMUNITY && committee.communityId() != null) {
            Community own = communityById.get(committee.communityId());
            if (own != null) {
                return own;
            }
        }
        List<Community> communities = organization.communities();
        return communities.get(random.nextInt(communities.size()));
    }

    private UUID earlierLead(long committeeId) {
        UUID[] ring = recent.get(committeeId);
        int stored = recentCount.getOrDefault(committeeId, 0);
        if (ring == null || stored == 0) {
            return null;
        }
        return ring[random.nextInt(Math.min(stored, RECENT_PER_COMMITTEE))];
    }

    private void remember(long committeeId, UUID id) {
        UUID[] ring = recent.computeIfAbsent(committeeId, c -> new UUID[RECENT_PER_COMMITTEE]);
        int stored = recentCount.merge(committeeId, 1, Integer::sum);
        ring[(stored - 1) % RECENT_PER_COMMITTEE] = id;
    }

    private static Set<OtherRoute> routes(String type) {
        return "LABOR".equals(type) ? EnumSet.of(OtherRoute.ARBITRATION, OtherRoute.LITIGATION)
                : EnumSet.of(OtherRoute.ADMINISTRATIVE, OtherRoute.LITIGATION);
    }

    /** Whole yuan between the bounds, as a mediator would write an amount. */
    private BigDecimal money(int from, int to) {
        return BigDecimal.valueOf(from + random.nextInt(to - from));
    }

    private Transition transition(Parts parts, UUID leadId, TransitionKind kind, LocalDate on, String detail) {
        return new Transition(parts.nextId(), leadId, kind, on, detail, at(on, kind.ordinal()), recordedBy);
    }

    /** The moment a step of {@code day} is recorded: the office's morning, a minute per kind apart. */
    private static Instant at(LocalDate day, int minute) {
        return day.atTime(RECORDING_HOUR_UTC, minute).toInstant(ZoneOffset.UTC);
    }

    private int pick(double[] weights) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double u = random.nextDouble() * total;
        for (int i = 0; i < weights.length - 1; i++) {
            u -= weights[i];
            if (u < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    /** The ids of one lead's rows, in the order they are made. */
    private final class Parts {
        private final long ordinal;
        private int next;

        Parts(long ordinal) {
            this.ordinal = ordinal;
        }

        UUID nextId() {
            return ids.of(ordinal, next++);
        }
    }
}

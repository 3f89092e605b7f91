package cn.mediationdesk.logic.demo;

import cn.mediationdesk.logic.ValidationException;
import cn.mediationdesk.logic.demo.DemoLayout.CommitteePlan;
import cn.mediationdesk.logic.lifecycle.AgreementInput;
import cn.mediationdesk.logic.lifecycle.ConsentInput;
import cn.mediationdesk.logic.lifecycle.FollowUpInput;
import cn.mediationdesk.logic.lifecycle.LifecycleService;
import cn.mediationdesk.logic.lifecycle.NewLead;
import cn.mediationdesk.logic.lifecycle.RoutesNoticeInput;
import cn.mediationdesk.logic.lifecycle.SessionInput;
import cn.mediationdesk.logic.monthly.MonthlyReportService;
import cn.mediationdesk.logic.monthly.ReportDeadline;
import cn.mediationdesk.logic.monthly.ScreeningInput;
import cn.mediationdesk.logic.monthly.ScreeningService;
import cn.mediationdesk.logic.organization.OrganizationService;
import cn.mediationdesk.logic.repeat.RepeatService;
import cn.mediationdesk.logic.store.OrganizationRepository;
import cn.mediationdesk.logic.store.Store;
import cn.mediationdesk.logic.store.Tx;
import cn.mediationdesk.model.AgreementForm;
import cn.mediationdesk.model.Committee;
import cn.mediationdesk.model.Community;
import cn.mediationdesk.model.ConsentWay;
import cn.mediationdesk.model.FollowUpWay;
import cn.mediationdesk.model.JudicialResult;
import cn.mediationdesk.model.Lead;
import cn.mediationdesk.model.OtherRoute;
import cn.mediationdesk.model.Outcome;
import cn.mediationdesk.model.PersonRole;
import cn.mediationdesk.model.PreventionKind;
import cn.mediationdesk.model.Problem;
import cn.mediationdesk.model.RiskLevel;
import cn.mediationdesk.model.Role;
import cn.mediationdesk.model.User;
import cn.mediationdesk.model.Problem.Field;
import cn.mediationdesk.model.VerificationResult;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The demo jurisdiction of DESIGN §5: 金宝新区 with 8 communities, 8 committees, their mediators and
 * grid workers, and the leads of 2022 (and early 2023) that reproduce the seed report — 87 leads
 * found in 2022, 64 of them resolved, as of 2022-12-31. Every person and case is fictitious.
 *
 * <p>Built through the real services, one transaction per step of a lead's life, so the demo
 * obeys every rule a user's data does. The same seed always gives the same jurisdiction.
 */
public final class DemoJurisdiction {
    public static final String NAME = DemoLayout.JURISDICTION;
    public static final long SEED = 20221231L;
    private static final String USER = "demo";

    private final Store store;
    private final Clock clock;

    /** What was created, for the command's closing line. */
    public record Created(String jurisdiction, int communities, int committees, int leads) {
    }

    /** @param clock the service clock; all demo dates lie in the past, so the real clock does */
    public DemoJurisdiction(Store store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /**
     * Creates the demo in an empty database.
     *
     * @throws ValidationException when the database already holds a jurisdiction, an organization or a lead
     */
    public Created create() {
        List<DemoLead> plan = new DemoPlanner(SEED).plan();
        // One transaction for the whole demo: it is there entirely or not at all, and it takes a
        // second instead of the many it would take to commit (and sync to disk) every step alone.
        return store.write(tx -> {
            Organization organization = createOrganization(tx, new DemoPlanner(SEED ^ 0x5EED));
            WithinTransaction within = new WithinTransaction(tx, store.location());
            LifecycleService lifecycle = new LifecycleService(within, clock, User.setup());
            DemoRepeats repeats = new DemoRepeats(plan);
            Map<DemoLead, UUID> ids = new HashMap<>();
            for (DemoLead lead : plan) {
                ids.put(lead, replay(lifecycle, organization, lead, ids));
            }
            repeats.record(lifecycle, new RepeatService(within, clock, User.setup()), ids);
            screeningsAndMonthlyReport(new WithinTransaction(tx, store.location()), organization);
            return new Created(NAME, organization.communities().size(), organization.committees().size(), plan.size());
        });
    }

    /**
     * A screening round (排查) of every committee each quarter of 2022 and the first committee's signed
     * report of December 2022, for the register and the report to show something; none of the tally's
     * figures depends on them. Rounds dated after today, and a month not yet ended, are left out.
     */
    private void screeningsAndMonthlyReport(Store within, Organization organization) {
        ScreeningService register = new ScreeningService(within, clock);
        LocalDate today = LocalDate.now(clock);
        String[] places = {"辖区主干道沿街商铺", "老旧小区楼栋", "农贸市场", "在建工地"};
        for (int c = 0; c < organization.committees().size(); c++) {
            Committee committee = organization.committees().get(c);
            for (int quarter = 0; quarter < 4; quarter++) {
                LocalDate day = LocalDate.of(2022, 3 * quarter + 2, 10 + c);
                if (!day.isAfter(today)) {
                    register.record(User.setup(), committee.id(), new ScreeningInput(day, places[quarter], null,
                            "调委会委员、网格员", (c + quarter) % 3, null));
                }
            }
        }
        YearMonth december = YearMonth.of(2022, 12);
        if (ReportDeadline.reportable(december, today)) {
            // signed in the name of the committee's full-time mediator, as its director would sign it
            String signer = organization.mediatorNames().get(organization.mediators().getFirst().getFirst());
            User director = new User(User.SETUP_ID, User.setup().username(), signer, Role.ADMIN, null, true, 0, null,
                    User.setup().createdAt(), false);
            new MonthlyReportService(within, clock).sign(director, organization.committees().getFirst().id(),
                    december, null);
        }
    }

    /** The services' view of a transaction already open: each of their units of work joins it. */
    private record WithinTransaction(Tx tx, String location) implements Store {
        @Override
        public <R> R read(Work<R> work) {
            return work.run(tx);
        }

        @Override
        public <R> R write(Work<R> work) {
            return work.run(tx);
        }

        @Override
        public void close() {
            // The transaction belongs to the caller.
        }
    }

    // ---- the organization ----

    /** Ids of what the organization transaction created, by the layout's indexes. */
    private record Organization(List<Community> communities, List<Committee> committees,
                                List<List<Long>> grids, List<List<Long>> gridWorkers,
                                List<List<Long>> mediators, Map<Long, String> mediatorNames) {
    }

    private Organization createOrganization(Tx tx, DemoPlanner names) {
        OrganizationRepository organization = tx.organization();
        if (organization.jurisdiction().isPresent() || tx.leads().count() > 0
                || !organization.communities().isEmpty() || !organization.committees().isEmpty()) {
            throw new ValidationException(Problem.of(Field.JURISDICTION, "demo.notEmpty", store.location()));
        }
        organization.insertJurisdiction(NAME, clock.instant());
        List<Community> communities = new ArrayList<>();
        List<List<Long>> grids = new ArrayList<>();
        List<List<Long>> gridWorkers = new ArrayList<>();
        for (String name : DemoLayout.COMMUNITIES) {
            Community community = OrganizationService.createCommunity(tx, name);
            communities.add(community);
            List<Long> communityGrids = new ArrayList<>();
            List<Long> workers = new ArrayList<>();
            for (int g = 1; g <= DemoLayout.GRIDS_PER_COMMUNITY; g++) {
                long worker = organization.insertPerson(names.name(), PersonRole.GRID_WORKER, null, null);
                workers.add(worker);
                communityGrids.add(organization.insertGrid(community.id(), "第" + "一二三四五".charAt(g - 1) + "网格",
                        worker));
            }
            grids.add(communityGrids);
            gridWorkers.add(workers);
        }
        List<Committee> committees = new ArrayList<>();
        List<List<Long>> mediators = new ArrayList<>();
        Map<Long, String> mediatorNames = new HashMap<>();
        for (CommitteePlan plan : DemoLayout.COMMITTEES) {
            Long communityId = plan.community() == null ? null : communities.get(plan.community()).id();
            Committee committee = OrganizationService.createCommittee(tx, plan.name(), plan.shortName(), plan.kind(),
                    communityId);
            committees.add(committee);
            List<Long> members = new ArrayList<>();
            for (int m = 0; m < plan.mediators(); m++) {
                String name = names.name();
                long member = organization.insertPerson(name,
                        m == 0 ? PersonRole.FULL_TIME_MEDIATOR : PersonRole.PART_TIME_MEDIATOR, committee.id(), null);
                members.add(member);
                mediatorNames.put(member, name);
            }
            mediators.add(members);
        }
        // The district committee's legal adviser and a village's 法律明白人 (the seed report trained 21 of them).
        organization.insertPerson(names.name(), PersonRole.LEGAL_ADVISER,
                committees.get(DemoLayout.JURISDICTION_COMMITTEE).id(), null);
        organization.insertPerson(names.name(), PersonRole.LEGAL_LAYPERSON, committees.get(6).id(), null);
        return new Organization(communities, committees, grids, gridWorkers, mediators, mediatorNames);
    }

    // ---- one lead's life ----

    private UUID replay(LifecycleService lifecycle, Organization organization, DemoLead plan, Map<DemoLead, UUID> ids) {
        Committee committee = organization.committees().get(plan.committee);
        Community community = organization.communities().get(plan.community);
        Long grid = plan.grid == null ? null : organization.grids().get(plan.community).get(plan.grid);
        List<Long> mediators = organization.mediators().get(plan.committee);

        Lead lead = lifecycle.register(new NewLead(committee.id(), community.id(), grid, plan.leadNo, plan.foundOn,
                plan.source, plan.type, plan.summary, plan.people, plan.amount, plan.risk, plan.criminalRisk,
                plan.groupRisk, plan.parties));
        UUID id = lead.id();
        if (lifecycle.fromApplication(lead)) {
            lifecycle.recordApplication(id, plan.foundOn, DemoTexts.applicationRequests(plan.applicant(),
                    plan.respondent()));
        }
        for (int i = 0; i < plan.verificationSteps.size(); i++) {
            LocalDate on = plan.verificationSteps.get(i);
            Long person = plan.grid != null && i == 0
                    ? organization.gridWorkers().get(plan.community).get(plan.grid) : mediators.getFirst();
            String method = DemoTexts.VERIFICATION_METHODS.get((plan.leadNo.hashCode() + i) & 3);
            lifecycle.addVerificationStep(id, on, method, verificationNote(plan, i), person);
        }
        if (plan.result == null) {
            return id;
        }
        lead = lifecycle.verify(id, lead.version(), plan.result, plan.verifiedOn,
                plan.duplicateOf == null ? null : ids.get(plan.duplicateOf), plan.transferredTo);
        // 人民调解法 Art. 25: a dispute that may turn criminal is reported once verified
        if (plan.criminalRisk && plan.result == VerificationResult.GENUINE) {
            lifecycle.recordPoliceReport(id, plan.verifiedOn, DemoTexts.TRANSFER_BODIES.getFirst());
        }
        if (plan.declinedOn != null) {
            lifecycle.decline(id, lead.version(), plan.declinedOn, plan.declinedBy);
            return id;
        }
        if (plan.acceptedOn == null) {
            return id;
        }
        List<Long> assigned = mediators.subList(0, plan.people != null && plan.people > 2 ? 2 : 1);
        ConsentWay consentWay = lifecycle.fromApplication(lead) ? ConsentWay.WRITTEN_APPLICATION
                : (plan.leadNo.hashCode() & 3) == 0 ? ConsentWay.ORAL : ConsentWay.SIGNED_REGISTRATION;
        lead = lifecycle.accept(id, lead.version(), plan.acceptedOn.equals(plan.verifiedOn) ? null : plan.acceptedOn,
                assigned, new ConsentInput(plan.acceptedOn, consentWay, plan.acceptedOn));
        if (plan.extensionAgreedOn != null) {
            lead = lifecycle.extend(id, lead.version(), plan.extensionAgreedOn, plan.extendedDueOn,
                    "案情复杂，经双方当事人同意延长调解期限");
        }
        String recorder = organization.mediatorNames().get(assigned.getLast());
        for (LocalDate on : plan.sessions) {
            lifecycle.recordSession(id, new SessionInput(on, place(committee, plan), participants(plan, assigned.size()),
                    sessionNote(plan, on), DemoTexts.sessionMatter(plan.applicant(), plan.respondent()), recorder, true,
                    true));
        }
        if (plan.outcome == null) {
            return id;
        }
        RoutesNoticeInput routes = plan.outcome != Outcome.FAILED ? null
                : new RoutesNoticeInput(plan.closedOn, "LABOR".equals(plan.type)
                        ? EnumSet.of(OtherRoute.ARBITRATION, OtherRoute.LITIGATION)
                        : EnumSet.of(OtherRoute.ADMINISTRATIVE, OtherRoute.LITIGATION));
        lifecycle.close(id, lead.version(), plan.outcome, plan.closedOn, agreement(plan), routes, preventions(plan));
        if (plan.followUpOn != null) {
            lifecycle.recordFollowUp(id, new FollowUpInput(plan.followUpOn, plan.applicant(),
                    (plan.leadNo.hashCode() & 1) == 0 ? FollowUpWay.VISIT : FollowUpWay.PHONE,
                    "了解调解协议履行情况", plan.performance, plan.satisfaction, plan.escalationSigns, followUpNote(plan)));
        }
        if (plan.judicialConfirmation) {
            LocalDate applied = plan.closedOn.plusDays(7);
            lifecycle.recordJudicialConfirmation(id, applied, DemoTexts.COURT,
                    "(" + applied.getYear() + ")金宝法民特" + applied.getDayOfYear() + "号",
                    JudicialResult.CONFIRMED, applied.plusDays(12));
        }
        return id;
    }

    private static AgreementInput agreement(DemoLead plan) {
        if (plan.outcome != Outcome.RESOLVED) {
            return null;
        }
        String terms = plan.agreedAmount != null
                ? "%s于%s前一次性支付%s人民币%s元；双方就本纠纷再无其他争议。".formatted(plan.respondent(),
                        plan.performanceDeadline != null ? plan.performanceDeadline : plan.closedOn.plusDays(7),
                        plan.applicant(), plan.agreedAmount.toPlainString())
                : "双方自愿和解，%s向%s赔礼道歉，今后互谅互让、和睦相处。".formatted(plan.respondent(), plan.applicant());
        String facts = "经调查核实：" + plan.summary + "。";
        String issues = plan.agreedAmount != null
                ? "%s是否应向%s承担赔偿责任及赔偿数额。".formatted(plan.respondent(), plan.applicant())
                : "双方因上述事由产生的争执如何化解。";
        String responsibility = "%s对纠纷的发生负主要责任，%s负次要责任。".formatted(plan.respondent(), plan.applicant());
        return new AgreementInput(plan.agreementForm == null ? AgreementForm.WRITTEN : plan.agreementForm, facts,
                issues, responsibility, terms, plan.agreedAmount,
                plan.agreedAmount != null ? "银行转账" : "当面履行",
                plan.agreedAmount != null ? "调解委员会调解室" : null, plan.performanceDeadline);
    }

    /** What a resolved case's mediation prevented: those the planner flagged as risks, as a mediator would record. */
    private static Set<PreventionKind> preventions(DemoLead plan) {
        if (plan.outcome != Outcome.RESOLVED) {
            return Set.of();
        }
        Set<PreventionKind> kinds = EnumSet.noneOf(PreventionKind.class);
        if (plan.criminalRisk) {
            kinds.add(PreventionKind.CRIMINAL_CASE);
        }
        if (plan.groupRisk) {
            kinds.add(PreventionKind.GROUP_PETITION);
        }
        if (plan.risk == RiskLevel.RED && "MARRIAGE_FAMILY".equals(plan.type)) {
            kinds.add(PreventionKind.SUICIDE);
        }
        return kinds;
    }

    private static String verificationNote(DemoLead plan, int step) {
        if (step > 0) {
            return "再次核实，情况与登记一致";
        }
        return switch (plan.result == null ? VerificationResult.GENUINE : plan.result) {
            case GENUINE -> "经走访双方及周边群众，反映情况属实";
            case UNFOUNDED -> "经核实，反映情况与事实不符";
            case DUPLICATE -> "与本会已登记线索为同一纠纷";
            case TRANSFERRED -> "不属于人民调解受理范围，建议移交有关部门";
        };
    }

    private static String place(Committee committee, DemoLead plan) {
        return switch (plan.summary.length() % 3) {
            case 0 -> committee.name() + "调解室";
            case 1 -> "社区居民说事室";
            default -> "当事人家中";
        };
    }

    private static String participants(DemoLead plan, int mediators) {
        return "调解员%d名；申请人%s；被申请人%s".formatted(mediators, plan.applicant(), plan.respondent());
    }

    private static String sessionNote(DemoLead plan, LocalDate on) {
        if (!on.equals(plan.closedOn)) {
            return "分别听取双方陈述，释法析理，双方同意继续协商";
        }
        return switch (plan.outcome) {
            case RESOLVED -> "双方达成一致意见" + (plan.agreementForm == AgreementForm.ORAL ? "，当场履行（口头协议）" : "，签订调解协议书");
            case FAILED -> "双方分歧较大，调解不成，已告知通过诉讼等途径解决";
            case TERMINATED -> "申请人撤回调解申请，终止调解";
        };
    }

    private static String followUpNote(DemoLead plan) {
        return switch (plan.performance) {
            case PERFORMED -> "协议已履行完毕，双方关系缓和";
            case PARTLY -> "已部分履行，督促按期履行剩余部分";
            case NOT_PERFORMED -> "尚未履行，已再次做双方工作并报告调委会";
        };
    }
}

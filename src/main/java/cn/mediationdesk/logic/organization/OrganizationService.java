package cn.mediationdesk.logic.organization;

import cn.mediationdesk.logic.audit.AuditAction;
import cn.mediationdesk.logic.ValidationException;
import cn.mediationdesk.logic.lifecycle.PartyRules;
import cn.mediationdesk.logic.audit.AuditTrail;
import cn.mediationdesk.logic.security.Access;
import cn.mediationdesk.logic.store.OrganizationRepository;
import cn.mediationdesk.logic.store.Store;
import cn.mediationdesk.logic.store.Tx;
import cn.mediationdesk.model.Committee;
import cn.mediationdesk.model.CommitteeKind;
import cn.mediationdesk.model.Community;
import cn.mediationdesk.model.Grid;
import cn.mediationdesk.model.Jurisdiction;
import cn.mediationdesk.model.Person;
import cn.mediationdesk.model.PersonRole;
import cn.mediationdesk.model.Problem;
import cn.mediationdesk.model.Problem.Field;
import cn.mediationdesk.model.User;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Looks after the organization of a jurisdiction: communities, their grids, committees and the
 * people in and around them. Codes ({@code SQ001}, {@code TW001} …) are generated but may be
 * changed; names are unique. Nothing is ever deleted, because leads refer to it: what is no longer
 * in use is deactivated, and can be activated again. Broken rules are reported as {@link Problem}s.
 * <p>
 * An instance serves screens and commands: each change is one transaction, made only by an
 * administrator. The static methods run inside the caller's transaction, so that what they write
 * goes or stays with the rest of the work (the ledger import's {@code --create-missing} relies on
 * that); their callers have checked who acts.
 */
public final class OrganizationService {
    public static final String COMMUNITY_CODE_PREFIX = "SQ";
    public static final String COMMITTEE_CODE_PREFIX = "TW";
    /** Widths of the schema's name columns. */
    public static final int NAME_MAX_LENGTH = 100;
    public static final int SHORT_NAME_MAX_LENGTH = 30;
    public static final int CODE_MAX_LENGTH = 32;
    /** The schema's width of a person's name, the same as a party's. */
    public static final int PERSON_NAME_MAX_LENGTH = PartyRules.NAME_MAX_LENGTH;
    /** The full title a committee's name usually ends with, and its common abbreviation. */
    private static final List<String> COMMITTEE_SUFFIXES = List.of("人民调解委员会", "调委会");
    /** Codes are typed on command lines and in ledgers: letters, digits, '-' and '_' only. */
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_-]+");

    private final Store store;
    private final User actor;
    private final AuditTrail audit;

    /** @param actor who acts: everyone signed in reads the organization, only an administrator changes it */
    public OrganizationService(Store store, User actor) {
        this.store = store;
        this.actor = actor;
        this.audit = AuditTrail.onThisPc(Clock.systemUTC());
    }

    /** A changed entry and the whole organization as it stands after the change. */
    public record Saved<T>(T item, OrganizationChart chart) {
    }

    /** Everything, active or not, in one read. */
    public OrganizationChart chart() {
        return store.read(tx -> {
            Access.current(tx, actor);
            return chart(tx);
        });
    }

    /** One administrator's change, recorded field by field on the audit trail. */
    private <T extends Record> Saved<T> change(AuditAction action, String entity, Long id, Function<Tx, T> work) {
        return store.write(tx -> {
            User admin = Access.requireAdmin(tx, actor);
            Map<String, String> before = id == null ? Map.of() : audit.snapshot(tx, entity, String.valueOf(id));
            T item = work.apply(tx);
            long itemId = switch (item) {
                case Community c -> c.id();
                case Committee c -> c.id();
                case Grid g -> g.id();
                case Person p -> p.id();
                default -> throw new IllegalArgumentException(item.getClass().getName());
            };
            Long committeeId = item instanceof Committee c ? Long.valueOf(c.id())
                    : item instanceof Person p ? p.committeeId() : null;
            audit.entityChanged(tx, admin.username(), action, entity, String.valueOf(itemId), committeeId, before);
            return new Saved<>(item, chart(tx));
        });
    }

    public Saved<Community> createCommunity(String code, String name) {
        return change(AuditAction.COMMUNITY_CREATE, AuditTrail.COMMUNITY, null, tx -> createCommunity(tx, code, name));
    }

    public Saved<Community> updateCommunity(long id, String code, String name) {
        return change(AuditAction.COMMUNITY_UPDATE, AuditTrail.COMMUNITY, id, tx -> updateCommunity(tx, id, code, name));
    }

    public Saved<Community> setCommunityActive(long id, boolean active) {
        return change(AuditAction.COMMUNITY_ACTIVE, AuditTrail.COMMUNITY, id, tx -> setCommunityActive(tx, id, active));
    }

    public Saved<Committee> createCommittee(String code, String name, String shortName, CommitteeKind kind,
                                           Long communityId) {
        return change(AuditAction.COMMITTEE_CREATE, AuditTrail.COMMITTEE, null, tx -> createCommittee(tx, code, name, shortName, kind, communityId));
    }

    public Saved<Committee> updateCommittee(long id, String code, String name, String shortName, CommitteeKind kind,
                                           Long communityId) {
        return change(AuditAction.COMMITTEE_UPDATE, AuditTrail.COMMITTEE, id, tx -> updateCommittee(tx, id, code, name, shortName, kind, communityId));
    }

    public Saved<Committee> setCommitteeActive(long id, boolean active) {
        return change(AuditAction.COMMITTEE_ACTIVE, AuditTrail.COMMITTEE, id, tx -> setCommitteeActive(tx, id, active));
    }

    public Saved<Grid> createGrid(long communityId, String name, Long gridWorkerId) {
        return change(AuditAction.GRID_CREATE, AuditTrail.GRID, null, tx -> createGrid(tx, communityId, name, gridWorkerId));
    }

    public Saved<Grid> updateGrid(long id, String name, Long gridWorkerId) {
        return change(AuditAction.GRID_UPDATE, AuditTrail.GRID, id, tx -> updateGrid(tx, id, name, gridWorkerId));
    }

    public Saved<Grid> setGridActive(long id, boolean active) {
        return change(AuditAction.GRID_ACTIVE, AuditTrail.GRID, id, tx -> setGridActive(tx, id, active));
    }

    public Saved<Person> createPerson(String name, PersonRole role, Long committeeId, String phone) {
        return change(AuditAction.PERSON_CREATE, AuditTrail.PERSON, null, tx -> createPerson(tx, name, role, committeeId, phone));
    }

    public Saved<Person> updatePerson(long id, String name, PersonRole role, Long committeeId, String phone) {
        return change(AuditAction.PERSON_UPDATE, AuditTrail.PERSON, id, tx -> updatePerson(tx, id, name, role, committeeId, phone));
    }

    public Saved<Person> setPersonActive(long id, boolean active) {
        return change(AuditAction.PERSON_ACTIVE, AuditTrail.PERSON, id, tx -> setPersonActive(tx, id, active));
    }

    /** The jurisdiction this database serves, once it has been named. */
    public Optional<Jurisdiction> jurisdiction() {
        return store.read(tx -> tx.organization().jurisdiction());
    }

    /**
     * Names the jurisdiction of a new database; only while it has none, by its first user.
     *
     * @throws ValidationException when the name is blank or too long, or a jurisdiction exists already
     */
    public Jurisdiction createJurisdiction(String name, Instant at) {
        String stripped = name == null ? "" : name.strip();
        if (stripped.isEmpty()) {
            throw new ValidationException(Problem.of(Field.JURISDICTION, "rule.required"));
        }
        if (stripped.length() > NAME_MAX_LENGTH) {
            throw new ValidationException(Problem.of(Field.JURISDICTION, "cli.init.nameTooLong", NAME_MAX_LENGTH));
        }
        return store.write(tx -> {
            Access.requireAdmin(tx, actor);
            tx.organization().jurisdiction().ifPresent(existing -> {
                throw new ValidationException(Problem.of(Field.JURISDICTION, "cli.init.alreadyInitialized", existing.name(),
                        store.location()));
            });
            tx.organization().insertJurisdiction(stripped, at);
            audit.event(tx, Access.current(tx, actor).username(), AuditAction.JURISDICTION_CREATE, AuditTrail.JURISDICTION,
                    null, null, null, stripped);
            return tx.organization().jurisdiction().orElseThrow();
        });
    }

    /** A community or committee by its name or code, for the command line's filters; names are no one's secret. */
    public Optional<Community> community(String nameOrCode) {
        return store.read(tx -> OrganizationLookup.community(tx.organization().communities(), nameOrCode));
    }

    public Optional<Committee> committee(String nameOrCode) {
        return store.read(tx -> OrganizationLookup.committee(tx.organization().committees(), nameOrCode));
    }

    /** Everything, active or not, in one read. */
    public static OrganizationChart chart(Tx tx) {
        OrganizationRepository organization = tx.organization();
        return new OrganizationChart(organization.communities(), organization.grids(), organization.committees(),
                organization.people(), Set.copyOf(organization.committeesWithCaseNumbers()));
    }

    // ---- communities ----

    /**
     * Creates a community named {@code name} (surrounding blanks removed) with the next free code.
     *
     * @throws ValidationException when the name is blank, too long or taken
     */
    public static Community createCommunity(Tx tx, String name) {
        return createCommunity(tx, null, name);
    }

    /**
     * Creates a community.
     *
     * @param code its code; {@code null} or blank takes the next free one
     * @throws ValidationException when the code or name is malformed or taken
     */
    public static Community createCommunity(Tx tx, String code, String name) {
        OrganizationRepository organization = tx.organization();
        List<Community> communities = organization.communities();
        List<Problem> problems = new ArrayList<>();
        String finalCode = isBlank(code) ? nextCode(COMMUNITY_CODE_PREFIX, communities.stream().map(Community::code).toList())
                : code.strip();
        if (!isBlank(code)) {
            problems.addAll(codeProblems(communities.stream().map(Community::code).toList(), code, null,
                    "org.community.codeTaken"));
        }
        problems.addAll(communityProblems(communities, name));
        throwIfAny(problems);
        long id = organization.insertCommunity(finalCode, name.strip());
        return new Community(id, finalCode, name.strip(), true);
    }

    /**
     * Changes a community's code and name. Leads keep pointing at it by id; imports and commands
     * find it by the new code from now on.
     *
     * @throws ValidationException when the code or name is malformed or taken by another community
     */
    public static Community updateCommunity(Tx tx, long id, String code, String name) {
        OrganizationRepository organization = tx.organization();
        List<Community> communities = organization.communities();
        Community before = find(communities, Community::id, id, "community");
        List<Community> others = communities.stream().filter(c -> c.id() != id).toList();
        List<Problem> problems = new ArrayList<>(codeProblems(others.stream().map(Community::code).toList(), code,
                before.code(), "org.community.codeTaken"));
        problems.addAll(communityProblems(others, name));
        throwIfAny(problems);
        Community after = new Community(id, code.strip(), name.strip(), before.active());
        organization.updateCommunity(id, after.code(), after.name(), after.active());
        return after;
    }

    /** Deactivates a community (no new leads, committees or grids may name it) or activates it again. */
    public static Community setCommunityActive(Tx tx, long id, boolean active) {
        OrganizationRepository organization = tx.organization();
        Community before = find(organization.communities(), Community::id, id, "community");
        Community after = new Community(id, before.code(), before.name(), active);
        organization.updateCommunity(id, after.code(), after.name(), active);
        return after;
    }

    // ---- committees ----

    /**
     * Creates a committee with the next free code.
     *
     * @param shortName the name used in its case numbers; {@code null} or blank derives it from the name
     * @param communityId the community a community-level committee serves, else {@code null}
     * @throws ValidationException when a name is blank, too long or taken, or the community is wrong
     */
    public static Committee createCommittee(Tx tx, String name, String shortName, CommitteeKind kind,
                                            Long communityId) {
        return createCommittee(tx, null, name, shortName, kind, communityId);
    }

    /**
     * Creates a committee.
     *
     * @param code its code; {@code null} or blank takes the next free one
     * @param shortName the name used in its case numbers; {@code null} or blank derives it from the name
     * @param communityId the community a community-level committee serves, else {@code null}
     * @throws ValidationException when a code or name is malformed or taken, or the community is wrong
     */
    public static Committee createCommittee(Tx tx, String code, String name, String shortName, CommitteeKind kind,
                                            Long communityId) {
        Objects.requireNonNull(kind, "kind");
        OrganizationRepository organization = tx.organization();
        List<Committee> committees = organization.committees();
        String shortOrDerived = isBlank(shortName) ? shortNameOf(name) : shortName.strip();
        List<Problem> problems = new ArrayList<>();
        String finalCode = isBlank(code) ? nextCode(COMMITTEE_CODE_PREFIX, committees.stream().map(Committee::code).toList())
                : code.strip();
        if (!isBlank(code)) {
            problems.addAll(codeProblems(committees.stream().map(Committee::code).toList(), code, null,
                    "org.committee.codeTaken"));
        }
        problems.addAll(committeeProblems(committees, name, shortOrDerived));
        problems.addAll(servedCommunityProblems(organization.communities(), kind, communityId, null));
        throwIfAny(problems);
        long id = organization.insertCommittee(finalCode, name.strip(), shortOrDerived, kind, communityId);
        return new Committee(id, finalCode, name.strip(), shortOrDerived, kind, communityId, true);
    }

    /**
     * Changes a committee. A new short name is used for the case numbers issued from now on; the
     * numbers already issued keep the old one, because a case number is never re-formatted.
     *
     * @throws ValidationException when a code or name is malformed or taken, or the community is wrong
     */
    public static Committee updateCommittee(Tx tx, long id, String code, String name, String shortName,
                                            CommitteeKind kind, Long communityId) {
        Objects.requireNonNull(kind, "kind");
        OrganizationRepository organization = tx.organization();
        List<Committee> committees = organization.committees();
        Committee before = find(committees, Committee::id, id, "committee");
        List<Committee> others = committees.stream().filter(c -> c.id() != id).toList();
        List<Problem> problems = new ArrayList<>(codeProblems(others.stream().map(Committee::code).toList(), code,
                before.code(), "org.committee.codeTaken"));
        problems.addAll(committeeProblems(others, name, shortName));
        problems.addAll(servedCommunityProblems(organization.communities(), kind, communityId, before.communityId()));
        throwIfAny(problems);
        Committee after = new Committee(id, code.strip(), name.strip(), shortName.strip(), kind, communityId,
                before.active());
        organization.updateCommittee(id, after.code(), after.name(), after.shortName(), kind, communityId,
                after.active());
        return after;
    }

    /** Deactivates a committee (no new leads may name it; its cases stay as they are) or activates it again. */
    public static Committee setCommitteeActive(Tx tx, long id, boolean active) {
        OrganizationRepository organization = tx.organization();
        Committee b = find(organization.committees(), Committee::id, id, "committee");
        organization.updateCommittee(id, b.code(), b.name(), b.shortName(), b.kind(), b.communityId(), active);
        return new Committee(id, b.code(), b.name(), b.shortName(), b.kind(), b.communityId(), active);
    }

    /**
     * A community committee needs the community it serves; a community chosen anew must be in use.
     * One that was deactivated after being chosen may stay.
     */
    private static List<Problem> servedCommunityProblems(List<Community> communities, CommitteeKind kind,
                                                         Long communityId, Long before) {
        List<Problem> problems = new ArrayList<>();
        if (kind == CommitteeKind.COMMUNITY && communityId == null) {
            problems.add(Problem.of(Field.COMMUNITY, "org.committee.communityMissing"));
        }
        if (communityId != null) {
            Community community = communities.stream().filter(c -> c.id() == communityId).findFirst().orElse(null);
            if (community == null) {
                problems.add(Problem.of(Field.COMMUNITY, "org.committee.communityUnknown", communityId));
            } else if (!community.active() && !communityId.equals(before)) {
                problems.add(Problem.of(Field.COMMUNITY, "org.community.inactive", community.name()));
            }
        }
        return problems;
    }

    // ---- grids ----

    /**
     * Creates a grid under a community.
     *
     * @param gridWorkerId the 网格员 who looks after it, or {@code null}
     * @throws ValidationException when the community is unknown or out of use, the name is blank, too
     *                             long or taken in that community, or the person is no active grid worker
     */
    public static Grid createGrid(Tx tx, long communityId, String name, Long gridWorkerId) {
        OrganizationRepository organization = tx.organization();
        List<Problem> problems = new ArrayList<>();
        Community community = organization.communities().stream().filter(c -> c.id() == communityId).findFirst()
                .orElse(null);
        if (community == null) {
            problems.add(Problem.of(Field.COMMUNITY, "rule.community.unknown"));
        } else if (!community.active()) {
            problems.add(Problem.of(Field.COMMUNITY, "org.community.inactive", community.name()));
        }
        problems.addAll(gridProblems(organization.grids().stream().filter(g -> g.communityId() == communityId).toList(),
                name, community));
        problems.addAll(gridWorkerProblems(organization.people(), gridWorkerId, null));
        throwIfAny(problems);
        long id = organization.insertGrid(communityId, name.strip(), gridWorkerId);
        return new Grid(id, communityId, name.strip(), gridWorkerId, true);
    }

    /**
     * Renames a grid or gives it another grid worker. A grid stays in its community: the leads found
     * in it were found in that community.
     */
    public static Grid updateGrid(Tx tx, long id, String name, Long gridWorkerId) {
        OrganizationRepository organization = tx.organization();
        List<Grid> grids = organization.grids();
        Grid before = find(grids, Grid::id, id, "grid");
        Community community = organization.communities().stream().filter(c -> c.id() == before.communityId())
                .findFirst().orElse(null);
        List<Problem> problems = new ArrayList<>(gridProblems(grids.stream()
                .filter(g -> g.communityId() == before.communityId() && g.id() != id).toList(), name, community));
        problems.addAll(gridWorkerProblems(organization.people(), gridWorkerId, before.gridWorkerId()));
        throwIfAny(problems);
        Grid after = new Grid(id, before.communityId(), name.strip(), gridWorkerId, before.active());
        organization.updateGrid(id, after.name(), gridWorkerId, after.active());
        return after;
    }

    public static Grid setGridActive(Tx tx, long id, boolean active) {
        OrganizationRepository organization = tx.organization();
        Grid b = find(organization.grids(), Grid::id, id, "grid");
        organization.updateGrid(id, b.name(), b.gridWorkerId(), active);
        return new Grid(id, b.communityId(), b.name(), b.gridWorkerId(), active);
    }

    private static List<Problem> gridProblems(List<Grid> sameCommunity, String name, Community community) {
        List<Problem> problems = nameProblems(name);
        if (problems.isEmpty() && sameCommunity.stream().anyMatch(g -> g.name().equals(name.strip()))) {
            problems.add(Problem.of(Field.NAME, "org.grid.nameTaken", community == null ? "" : community.name(),
                    name.strip()));
        }
        return problems;
    }

    /** Problems of a grid worker sit at {@link Field#GRID}: the grid's own field for its worker. */
    private static List<Problem> gridWorkerProblems(List<Person> people, Long workerId, Long before) {
        if (workerId == null) {
            return List.of();
        }
        Person worker = people.stream().filter(p -> p.id() == workerId).findFirst().orElse(null);
        if (worker == null || (!worker.active() && !workerId.equals(before))) {
            return List.of(Problem.of(Field.GRID, "rule.person.unknown"));
        }
        if (worker.role() != PersonRole.GRID_WORKER) {
            return List.of(Problem.of(Field.GRID, "org.grid.notAGridWorker", worker.name()));
        }
        return List.of();
    }

    // ---- people ----

    /**
     * Adds a person.
     *
     * @param committeeId the committee they belong to; required for mediators, who are assigned to its cases
     * @param phone a mobile or landline number, or {@code null}/blank
     * @throws ValidationException when the name is blank or too long, the committee missing or out of
     *                             use, or the phone number malformed
     */
    public static Person createPerson(Tx tx, String name, PersonRole role, Long committeeId, String phone) {
        Objects.requireNonNull(role, "role");
        OrganizationRepository organization = tx.organization();
        throwIfAny(personProblems(organization.committees(), name, role, committeeId, phone, null));
        String storedPhone = phoneOf(phone);
        long id = organization.insertPerson(name.strip(), role, committeeId, storedPhone);
        return new Person(id, name.strip(), role, committeeId, storedPhone, true);
    }

    public static Person updatePerson(Tx tx, long id, String name, PersonRole role, Long committeeId, String phone) {
        Objects.requireNonNull(role, "role");
        OrganizationRepository organization = tx.organization();
        Person before = find(organization.people(), Person::id, id, "person");
        throwIfAny(personProblems(organization.committees(), name, role, committeeId, phone, before.committeeId()));
        Person after = new Person(id, name.strip(), role, committeeId, phoneOf(phone), before.active());
        organization.updatePerson(id, after.name(), role, committeeId, after.phone(), after.active());
        return after;
    }

    /** Deactivates a person (no longer assigned to new cases; their past work stays recorded) or activates them. */
    public static Person setPersonActive(Tx tx, long id, boolean active) {
        OrganizationRepository organization = tx.organization();
        Person b = find(organization.people(), Person::id, id, "person");
        organization.updatePerson(id, b.name(), b.role(), b.committeeId(), b.phone(), active);
        return new Person(id, b.name(), b.role(), b.committeeId(), b.phone(), active);
    }

    private static List<Problem> personProblems(List<Committee> committees, String name, PersonRole role,
                                                Long committeeId, String phone, Long committeeBefore) {
        List<Problem> problems = new ArrayList<>();
        if (isBlank(name)) {
            problems.add(Problem.of(Field.NAME, "rule.required"));
        } else if (name.strip().length() > PERSON_NAME_MAX_LENGTH) {
            problems.add(Problem.of(Field.NAME, "rule.name.tooLong", PERSON_NAME_MAX_LENGTH));
        }
        if (committeeId == null) {
            if (role.mediates()) {
                problems.add(Problem.of(Field.COMMITTEE, "org.person.committeeRequired"));
            }
        } else {
            Committee committee = committees.stream().filter(c -> c.id() == committeeId).findFirst().orElse(null);
            if (committee == null || (!committee.active() && !committeeId.equals(committeeBefore))) {
                problems.add(Problem.of(Field.COMMITTEE, "rule.committee.unknown"));
            }
        }
        if (!isBlank(phone) && !PartyRules.isValidPhone(phone)) {
            problems.add(Problem.of(Field.PHONE, "rule.phone.invalid", phone.strip()));
        }
        return problems;
    }

    /** A phone number as stored: without the blanks people type between digit groups. */
    private static String phoneOf(String phone) {
        return isBlank(phone) ? null : phone.strip().replace(" ", "");
    }

    // ---- shared rules ----

    /** What is wrong with {@code name} for a new community among {@code existing}; empty when nothing. */
    public static List<Problem> communityProblems(List<Community> existing, String name) {
        List<Problem> problems = nameProblems(name);
        if (problems.isEmpty() && existing.stream().anyMatch(c -> c.name().equals(name.strip()))) {
            problems.add(Problem.of(Field.NAME, "org.community.nameTaken", name.strip()));
        }
        return problems;
    }

    /** What is wrong with the names of a new committee among {@code existing}; empty when nothing. */
    public static List<Problem> committeeProblems(List<Committee> existing, String name, String shortName) {
        List<Problem> problems = nameProblems(name);
        if (problems.isEmpty() && existing.stream().anyMatch(c -> c.name().equals(name.strip()))) {
            problems.add(Problem.of(Field.NAME, "org.committee.nameTaken", name.strip()));
        }
        if (shortName == null || shortName.isBlank()) {
            problems.add(Problem.of(Field.SHORT_NAME, "rule.required"));
        } else if (shortName.strip().length() > SHORT_NAME_MAX_LENGTH) {
            problems.add(Problem.of(Field.SHORT_NAME, "org.shortName.tooLong", shortName.strip(),
                    SHORT_NAME_MAX_LENGTH));
        }
        return problems;
    }

    private static List<Problem> nameProblems(String name) {
        List<Problem> problems = new ArrayList<>();
        if (name == null || name.isBlank()) {
            problems.add(Problem.of(Field.NAME, "rule.required"));
        } else if (name.strip().length() > NAME_MAX_LENGTH) {
            problems.add(Problem.of(Field.NAME, "rule.name.tooLong", NAME_MAX_LENGTH));
        }
        return problems;
    }

    /**
     * What is wrong with a code among the {@code others} in use; empty when nothing.
     *
     * @param before the code as it was, which may stay even if it would not be allowed today
     */
    private static List<Problem> codeProblems(List<String> others, String code, String before, String takenKey) {
        List<Problem> problems = new ArrayList<>();
        if (isBlank(code)) {
            problems.add(Problem.of(Field.CODE, "rule.required"));
            return problems;
        }
        String stripped = code.strip();
        if (stripped.equals(before)) {
            return problems;
        }
        if (stripped.length() > CODE_MAX_LENGTH) {
            problems.add(Problem.of(Field.CODE, "org.code.tooLong", CODE_MAX_LENGTH));
        } else if (!CODE.matcher(stripped).matches()) {
            problems.add(Problem.of(Field.CODE, "org.code.invalid", stripped));
        } else if (others.stream().anyMatch(c -> c.equalsIgnoreCase(stripped))) {
            // Codes are looked up regardless of case (OrganizationLookup), so SQ001 and sq001 would clash.
            problems.add(Problem.of(Field.CODE, takenKey, stripped));
        }
        return problems;
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }

    private static void throwIfAny(List<Problem> problems) {
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
    }

    /** Ids come from lists the caller read; nothing is ever deleted, so an unknown id is a bug. */
    private static <T> T find(List<T> all, ToLongFunction<T> id, long wanted, String what) {
        return all.stream().filter(t -> id.applyAsLong(t) == wanted).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no " + what + " with id " + wanted));
    }

    /**
     * The short name case numbers use, from a committee's full name: 南池村人民调解委员会 → 南池村.
     * A name that is nothing but the title keeps it whole.
     */
    public static String shortNameOf(String committeeName) {
        String name = committeeName == null ? "" : committeeName.strip();
        for (String suffix : COMMITTEE_SUFFIXES) {
            if (name.endsWith(suffix) && name.length() > suffix.length()) {
                return name.substring(0, name.length() - suffix.length()).strip();
            }
        }
        return name;
    }

    /** {@code prefix} and the number after the highest in use, at least three digits: SQ001, SQ002 … */
    public static String nextCode(String prefix, Collection<String> codes) {
        Pattern pattern = Pattern.compile(Pattern.quote(prefix) + "(\\d{1,9})");
        int highest = 0;
        for (String code : codes) {
            Matcher m = pattern.matcher(code);
            if (m.matches()) {
                highest = Math.max(highest, Integer.parseInt(m.group(1)));
            }
        }
        return prefix + String.format("%03d", highest + 1);
    }
}

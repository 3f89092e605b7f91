package cn.mediationdesk.benchmark;

import cn.mediationdesk.logic.ValidationException;
import cn.mediationdesk.logic.lifecycle.AgentInput;
import cn.mediationdesk.logic.lifecycle.LifecycleService;
import cn.mediationdesk.logic.lifecycle.NewLead;
import cn.mediationdesk.logic.lifecycle.PartyInput;
import cn.mediationdesk.logic.security.SettingsFolder;
import cn.mediationdesk.logic.store.Store;
import cn.mediationdesk.model.Committee;
import cn.mediationdesk.model.Gender;
import cn.mediationdesk.model.Lead;
import cn.mediationdesk.model.Party;
import cn.mediationdesk.model.PartyRole;
import cn.mediationdesk.model.RiskLevel;
import cn.mediationdesk.model.User;
import cn.mediationdesk.persistence.Database;
import cn.mediationdesk.persistence.DatabaseLocation;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Saving a lead with its parties through {@link LifecycleService}, as the lead editor's save button does
 * ({@code register} for a new lead, {@code updateDetails} for an edit), on a copy of the generated data
 * set. The edit goes round {@value #EDITED} leads spread over the whole ledger, in every state, each
 * saved with its summary changed (so that the save is a real change: history, audit entry, text index),
 * so that no call finds the previous one's pages or results waiting.
 *
 * <p>The floors write the same rows with plain JDBC in one transaction on a connection to the same
 * database: for a new lead its row, its two parties, its first risk assessment and its {@code FOUND}
 * transition; for an edit the lead's row updated and its parties deleted and inserted again. What they
 * leave out is what the service adds to those rows: the checks, the audit entry (the lead and all its
 * parts read before and after, compared and hashed) and the text index.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
public class SaveLeadBenchmark {
    /** How many existing leads the edit goes round. */
    static final int EDITED = 400;

    @Param("1000000")
    public int leads;

    private Path copy;
    private Database db;
    private LifecycleService lifecycle;
    private Connection floorConnection;
    private final List<Committee> committees = new ArrayList<>();
    private final List<Long> communityOfCommittee = new ArrayList<>();
    private final List<Edited> edited = new ArrayList<>();
    private int turn;

    /** An existing lead as the editor holds it: its id, the version it last saw, and the form's content. */
    private static final class Edited {
        final UUID id;
        int version;
        final NewLead form;

        Edited(UUID id, int version, NewLead form) {
            this.id = id;
            this.version = version;
            this.form = form;
        }
    }

    @Setup(Level.Trial)
    public void open() throws IOException, SQLException {
        Path folder = BenchmarkData.folder();
        // the audit trail's key and chain head go to the benchmark's own settings, never the user's
        System.setProperty(SettingsFolder.PROPERTY, folder.resolve("settings").toString());
        Path source = BenchmarkData.file(leads, true);
        Path base = folder.resolve("save-" + leads);
        copy = base.resolveSibling(base.getFileName() + DatabaseLocation.H2_SUFFIX);
        Files.copy(source, copy, StandardCopyOption.REPLACE_EXISTING);
        db = Database.open(DatabaseLocation.parse(base.toString()), false, BenchmarkData.keyRing(true));
        lifecycle = new LifecycleService(db, Clock.systemDefaultZone(), User.setup());
        db.read(tx -> {
            var organization = tx.organization();
            long anyCommunity = organization.communities().getFirst().id();
            for (Committee committee : organization.committees()) {
                if (committee.active()) {
                    committees.add(committee);
                    communityOfCommittee.add(committee.communityId() == null ? anyCommunity : committee.communityId());
                }
            }
            return null;
        });
        pickEditedLeads();
        var access = db.directAccess().orElseThrow();
        // The same URL in the same process joins the database the store has open.
        floorConnection = DriverManager.getConnection(access.url(), access.user(), access.password());
        floorConnection.setAutoCommit(false);
    }

    @TearDown(Level.Trial)
    public void close() throws IOException, SQLException {
        floorConnection.close();
        db.close();
        Files.deleteIfExists(copy);
    }

    @Benchmark
    @Goal(what = "Save a new lead with two parties", millis = 20, ratio = 3, floor = "newLeadFloor")
    public Lead newLead() {
        return lifecycle.register(newLeadForm(turn++));
    }

    @Benchmark
    @Goal(what = "Save an edited lead with its parties", millis = 20, ratio = 3, floor = "editLeadFloor")
    public Lead editLead() {
        int n = turn++;
        Edited lead = edited.get(n % edited.size());
        Lead saved = lifecycle.updateDetails(lead.id, lead.version, edit(lead.form, n));
        lead.version = saved.version();
        return saved;
    }

    @Benchmark
    public int newLeadFloor() throws SQLException {
        int n = turn++;
        NewLead form = newLeadForm(n);
        UUID id = UUID.randomUUID();
        Timestamp now = Timestamp.from(Instant.now());
        int written;
        try (PreparedStatement lead = floorConnection.prepareStatement("""
                INSERT INTO lead (id, committee_id, community_id, found_on, source_code, dispute_type_code, summary,
                    people_count, amount, risk_code, criminal_risk, group_risk, version, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, FALSE, FALSE, 0, ?, ?)""")) {
            lead.setObject(1, id);
            lead.setLong(2, form.committeeId());
            lead.setLong(3, form.communityId());
            lead.setDate(4, Date.valueOf(form.foundOn()));
            lead.setString(5, form.sourceCode());
            lead.setString(6, form.disputeTypeCode());
            lead.setString(7, form.summary());
            lead.setInt(8, form.peopleCount());
            lead.setBigDecimal(9, form.amount());
            lead.setString(10, form.risk().name());
            lead.setTimestamp(11, now);
            lead.setTimestamp(12, now);
            written = lead.executeUpdate();
        }
        written += insertParties(id, form.parties());
        try (PreparedStatement risk = floorConnection.prepareStatement("""
                INSERT INTO risk_assessment (id, lead_id, assessed_on, risk_code, criminal_risk, group_risk,
                    assessed_by, recorded_at) VALUES (?, ?, ?, ?, FALSE, FALSE, ?, ?)""")) {
            risk.setObject(1, UUID.randomUUID());
            risk.setObject(2, id);
            risk.setDate(3, Date.valueOf(form.foundOn()));
            risk.setString(4, form.risk().name());
            risk.setString(5, "benchmark");
            risk.setTimestamp(6, now);
            written += risk.executeUpdate();
        }
        try (PreparedStatement transition = floorConnection.prepareStatement("""
                INSERT INTO lead_transition (id, lead_id, kind, effective_on, recorded_at, recorded_by)
                VALUES (?, ?, 'FOUND', ?, ?, ?)""")) {
            transition.setObject(1, UUID.randomUUID());
            transition.setObject(2, id);
            transition.setDate(3, Date.valueOf(form.foundOn()));
            transition.setTimestamp(4, now);
            transition.setString(5, "benchmark");
            written += transition.executeUpdate();
        }
        floorConnection.commit();
        return written;
    }

    @Benchmark
    public int editLeadFloor() throws SQLException {
        int n = turn++;
        Edited lead = edited.get(n % edited.size());
        NewLead form = edit(lead.form, n);
        int written;
        try (PreparedStatement update = floorConnection.prepareStatement(
                "UPDATE lead SET summary = ?, version = version + 1, updated_at = ? WHERE id = ?")) {
            update.setString(1, form.summary());
            update.setTimestamp(2, Timestamp.from(Instant.now()));
            update.setObject(3, lead.id);
            written = update.executeUpdate();
        }
        try (PreparedStatement delete = floorConnection.prepareStatement("DELETE FROM party WHERE lead_id = ?")) {
            delete.setObject(1, lead.id);
            written += delete.executeUpdate();
        }
        written += insertParties(lead.id, form.parties());
        floorConnection.commit();
        return written;
    }

    private int insertParties(UUID leadId, List<PartyInput> parties) throws SQLException {
        try (PreparedStatement insert = floorConnection.prepareStatement("""
                INSERT INTO party (id, lead_id, position, name, gender, phone, address, role, kind)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            for (int i = 0; i < parties.size(); i++) {
                PartyInput p = parties.get(i);
                insert.setObject(1, UUID.randomUUID());
                insert.setObject(2, leadId);
                insert.setInt(3, i);
                insert.setString(4, p.name());
                insert.setString(5, p.gender() == null ? null : p.gender().name());
                insert.setString(6, p.phone());
                insert.setString(7, p.address());
                insert.setString(8, p.role().name());
                insert.setString(9, p.kind().name());
                insert.addBatch();
            }
            return insert.executeBatch().length;
        }
    }

    /** A new lead as a mediator enters it: committees, days and texts change with {@code n}. */
    private NewLead newLeadForm(int n) {
        int c = n % committees.size();
        LocalDate found = LocalDate.now().minusDays(n % 300);
        return new NewLead(committees.get(c).id(), communityOfCommittee.get(c), null, null, found, "SCREENING",
                n % 2 == 0 ? "NEIGHBOR" : "PROPERTY_MGMT", "楼上漏水损坏楼下住户吊顶，双方就维修费用分担发生争执（第 " + n + " 次保存）",
                2, new BigDecimal("3200.00"), RiskLevel.BLUE, false, false,
                List.of(new PartyInput("王" + (n % 97) + "某", Gender.MALE, null, null, "幸福小区" + (n % 30) + "栋",
                                PartyRole.APPLICANT),
                        new PartyInput("李" + (n % 89) + "某", Gender.FEMALE, null, null, "幸福小区" + (n % 30) + "栋",
                                PartyRole.RESPONDENT)));
    }

    /** The lead's form with its summary changed, so that every save changes the lead. */
    private static NewLead edit(NewLead form, int n) {
        return new NewLead(form.committeeId(), form.communityId(), form.gridId(), form.leadNo(), form.foundOn(),
                form.sourceCode(), form.disputeTypeCode(), form.summary() + "（补充第 " + n + " 次）", form.peopleCount(),
                form.amount(), form.risk(), form.criminalRisk(), form.groupRisk(), form.parties());
    }

    /**
     * {@value #EDITED} leads spread evenly over the ledger (every state), each kept only when the editor
     * can save it unchanged: a generated lead may lack what the window requires but an import does not
     * (DESIGN §8), and the editor would ask for it first.
     */
    private void pickEditedLeads() {
        List<UUID> spread = spreadIds(db.directAccess().orElseThrow());
        for (UUID id : spread) {
            if (edited.size() == EDITED) {
                break;
            }
            Edited lead = db.read(tx -> {
                Lead row = tx.leads().find(id).orElseThrow();
                List<PartyInput> parties = new ArrayList<>();
                var agents = tx.caseFiles().agents(id);
                for (Party p : tx.leads().parties(id)) {
                    List<AgentInput> partyAgents = agents.stream().filter(a -> a.partyId().equals(p.id()))
                            .map(a -> new AgentInput(a.name(), a.kind(), a.authority(), a.authorityScope(), a.idNumber(),
                                    a.phone(), a.relation())).toList();
                    parties.add(new PartyInput(p.name(), p.gender(), p.idNumber(), p.phone(), p.address(), p.role(),
                            p.kind(), p.ethnicity(), p.birthDate(), p.age(), p.occupation(), p.employer(),
                            p.creditCode(), p.legalRepresentative(), p.representativeTitle(), partyAgents));
                }
                return new Edited(id, row.version(), new NewLead(row.committeeId(), row.communityId(), row.gridId(),
                        row.leadNo(), row.foundOn(), row.sourceCode(), row.disputeTypeCode(), row.summary(),
                        row.peopleCount(), row.amount(), row.risk(), row.criminalRisk(), row.groupRisk(), parties));
            });
            try {
                lead.version = lifecycle.updateDetails(lead.id, lead.version, lead.form).version();
                edited.add(lead);
            } catch (ValidationException refused) {
                // the editor would ask for what is missing before saving: not a lead to time
            }
        }
        if (edited.size() < EDITED / 2) {
            throw new IllegalStateException("only " + edited.size() + " generated leads can be saved as they are");
        }
    }

    private List<UUID> spreadIds(Store.DirectAccess access) {
        try (Connection connection = DriverManager.getConnection(access.url(), access.user(), access.password());
             PreparedStatement select = connection.prepareStatement(
                     "SELECT id FROM (SELECT id, ROW_NUMBER() OVER (ORDER BY found_on, id) AS n FROM lead) "
                             + "WHERE MOD(n, ?) = 0 ORDER BY n")) {
            select.setLong(1, Math.max(1, leads / (EDITED * 2L)));
            List<UUID> ids = new ArrayList<>();
            try (var rs = select.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getObject(1, UUID.class));
                }
            }
            return ids;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}

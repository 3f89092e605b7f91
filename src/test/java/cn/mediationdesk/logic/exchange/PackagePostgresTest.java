package cn.mediationdesk.logic.exchange;

import cn.mediationdesk.logic.exchange.PackageService.ImportReport;
import cn.mediationdesk.logic.organization.OrganizationService;
import cn.mediationdesk.logic.store.Store;
import cn.mediationdesk.logic.tally.Grouping;
import cn.mediationdesk.logic.tally.TallyQuery;
import cn.mediationdesk.logic.tally.TallyService;
import cn.mediationdesk.model.Committee;
import cn.mediationdesk.model.Lead;
import cn.mediationdesk.model.User;
import cn.mediationdesk.persistence.Database;
import cn.mediationdesk.persistence.DatabaseLocation;
import cn.mediationdesk.persistence.PostgresTestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.UUID;

import static cn.mediationdesk.logic.exchange.ExchangeFixture.clockOn;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The exchange tables and the merge on PostgreSQL: a committee on an embedded H2 file sends to a
 * governance office whose database is a fresh schema of the server on 127.0.0.1:5432, and back.
 */
@Tag("postgres")
class PackagePostgresTest {
    private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";

    @TempDir
    Path dir;

    private ExchangeFixture pcs;
    private String schema;
    private Database office;

    @BeforeEach
    void open() throws SQLException {
        pcs = new ExchangeFixture(dir);
        schema = "md_package_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection c = DriverManager.getConnection(SERVER); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
        office = Database.open(DatabaseLocation.parse(SERVER + "&currentSchema=" + schema), true);
        new OrganizationService(office, User.setup()).createJurisdiction("金宝新区", ExchangeFixture.DEMO_DAY.instant());
    }

    @AfterEach
    void drop() throws SQLException {
        office.close();
        pcs.close();
        try (Connection c = DriverManager.getConnection(SERVER); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA " + schema + " CASCADE");
        }
        PostgresTestServer.dropRoles("test/" + schema); // the roles its migration 10 made belong to the whole server
    }

    @Test
    void aCommitteeSentToAPostgresOfficeCountsTheSameAndComesBackUnchanged() {
        Store committeePc = pcs.demo("committee");
        Committee committee = committeePc.read(tx -> tx.organization().committees().get(1));
        Lead open = ExchangeFixture.newCase(committeePc, ExchangeFixture.DEMO_DAY, committee.id(), "两户因通道发生争执");
        Path first = pcs.file("first.mdpkg");
        ExchangeFixture.packages(committeePc, clockOn(LocalDate.of(2024, 7, 1))).export(committee.code(), null, null, first);
        ImportReport report = ExchangeFixture.packages(office, clockOn(LocalDate.of(2024, 7, 1))).importPackage(first, false);
        assertThat(report.added()).isEqualTo(ExchangeFixture.leads(committeePc, committee.id()).size());
        assertThat(ExchangeFixture.packages(office, clockOn(LocalDate.of(2024, 7, 2))).importPackage(first, false)
                .alreadyImported()).isTrue();

        ExchangeFixture.resolve(committeePc, clockOn(LocalDate.of(2024, 7, 2)), open.id());
        Path second = pcs.file("second.mdpkg");
        ExchangeFixture.packages(committeePc, clockOn(LocalDate.of(2024, 7, 3))).export(committee.code(),
                LocalDate.of(2024, 7, 2), null, second);
        assertThat(ExchangeFixture.packages(office, clockOn(LocalDate.of(2024, 7, 3))).importPackage(second, false)
                .updated()).isEqualTo(1);

        Committee there = ExchangeFixture.committee(office, committee.code());
        for (Grouping grouping : Grouping.values()) {
            TallyQuery query = TallyQuery.of(grouping, null, null, LocalDate.of(2024, 7, 3));
            assertThat(new TallyService(office).summarize(query.withCommittee(there.id())).total())
                    .as(grouping.cliName())
                    .isEqualTo(new TallyService(committeePc).summarize(query.withCommittee(committee.id())).total());
        }
        assertThat(ExchangeFixture.packages(office, clockOn(LocalDate.of(2024, 7, 3))).status().committees())
                .filteredOn(r -> r.code().equals(committee.code())).singleElement()
                .satisfies(r -> assertThat(r.coversTo()).isEqualTo(LocalDate.of(2024, 7, 3)));

        // and back from the server to a PC of its own: nothing differs
        Path back = pcs.file("back.mdpkg");
        ExchangeFixture.packages(office, clockOn(LocalDate.of(2024, 7, 4))).export(committee.code(), null, null, back);
        Store restored = pcs.empty("restored", "金宝新区");
        ExchangeFixture.packages(restored, clockOn(LocalDate.of(2024, 7, 4))).importPackage(back, false);
        ImportReport toCommittee = ExchangeFixture.packages(committeePc, clockOn(LocalDate.of(2024, 7, 4)))
                .importPackage(back, false);
        assertThat(toCommittee.unchanged()).isEqualTo(report.added());
        assertThat(toCommittee.added() + toCommittee.updated() + toCommittee.conflicts().size()).isZero();
    }
}

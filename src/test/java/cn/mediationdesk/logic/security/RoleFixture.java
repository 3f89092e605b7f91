package cn.mediationdesk.logic.security;

import cn.mediationdesk.logic.demo.DemoJurisdiction;
import cn.mediationdesk.logic.organization.OrganizationService;
import cn.mediationdesk.model.Committee;
import cn.mediationdesk.model.Role;
import cn.mediationdesk.model.User;
import cn.mediationdesk.persistence.Database;
import cn.mediationdesk.persistence.DatabaseLocation;
import cn.mediationdesk.persistence.TestStores;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * The demo with one account of each role: an administrator, the director of committee A, a
 * mediator of committee B and a viewer. The audit trail's keys go to a folder of the test's own.
 */
public final class RoleFixture implements AutoCloseable {
    public static final Clock CLOCK = Clock.fixed(Instant.parse("2024-06-30T02:00:00Z"), ZoneId.of("Asia/Shanghai"));

    public Database database;
    private final DatabaseLocation location;
    public final Committee committeeA;
    public final Committee committeeB;
    public final User admin;
    public final User directorA;
    public final User mediatorB;
    public final User viewer;
    private final String settingsBefore;

    public RoleFixture(Path dir) {
        settingsBefore = System.getProperty(SettingsFolder.PROPERTY);
        System.setProperty(SettingsFolder.PROPERTY, dir.resolve("settings").toString());
        location = TestStores.location(dir, "db");
        database = Database.open(location, true);
        new DemoJurisdiction(database, CLOCK).create();
        UserService users = new UserService(database, CLOCK, new PasswordHasher(4));
        admin = users.createFirstAdmin("admin", "管理员", "admin-2024");
        List<Committee> committees = new OrganizationService(database, admin).chart().committees();
        committeeA = committees.get(1);
        committeeB = committees.get(2);
        directorA = users.addUser(admin, "director", "主任", "director-1", Role.DIRECTOR, committeeA.id());
        mediatorB = users.addUser(admin, "mediator", "调解员", "mediator-1", Role.MEDIATOR, committeeB.id());
        viewer = users.addUser(admin, "leader", "领导", "viewer-01", Role.VIEWER, null);
    }

    /** Runs plain SQL on the file with the application closed, as someone editing it by hand would, then reopens it. */
    public void behindTheApplicationsBack(String... statements) throws SQLException {
        database.close();
        try (Connection connection = TestStores.connect(location);
             Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.executeUpdate(sql);
            }
        }
        database = Database.open(location, false);
    }

    @Override
    public void close() {
        database.close();
        if (settingsBefore == null) {
            System.clearProperty(SettingsFolder.PROPERTY);
        } else {
            System.setProperty(SettingsFolder.PROPERTY, settingsBefore);
        }
    }
}

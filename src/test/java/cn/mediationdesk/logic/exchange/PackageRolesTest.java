package cn.mediationdesk.logic.exchange;

import cn.mediationdesk.logic.PermissionDeniedException;
import cn.mediationdesk.logic.security.RoleFixture;
import cn.mediationdesk.logic.store.Store;
import cn.mediationdesk.model.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * DESIGN §9 for packages: an export holds a committee's cases with full data (an administrator, or
 * that committee's director or mediator); import, trusting a key and the office key are an
 * administrator's; the reporting status holds no personal data and is open to all.
 */
class PackageRolesTest {
    @TempDir
    Path dir;

    private RoleFixture fixture;
    private Store store;

    @BeforeEach
    void demoWithAccounts() {
        fixture = new RoleFixture(dir);
        store = fixture.database;
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    private PackageService as(User user) {
        return new PackageService(store, RoleFixture.CLOCK, user);
    }

    @Test
    void aCommitteesOwnPeopleAndTheAdministratorExportIt() {
        Path file = dir.resolve("b.mdpkg");
        assertThat(as(fixture.mediatorB).export(fixture.committeeB.code(), null, null, file).leads()).isPositive();
        assertThat(as(fixture.directorA).export(fixture.committeeA.code(), null, null, dir.resolve("a.mdpkg")).file())
                .exists();
        assertThat(as(fixture.admin).export(fixture.committeeA.code(), null, null, dir.resolve("a2.mdpkg")).file())
                .exists();
        for (User refused : new User[] {fixture.directorA, fixture.viewer}) {
            Path target = dir.resolve(refused.username() + ".mdpkg");
            assertThatThrownBy(() -> as(refused).export(fixture.committeeB.code(), null, null, target))
                    .isInstanceOf(PermissionDeniedException.class);
            assertThat(target).doesNotExist();
        }
    }

    @Test
    void onlyAnAdministratorImportsOrHandsOutTheOfficeKey() {
        Path file = dir.resolve("b.mdpkg");
        as(fixture.admin).export(fixture.committeeB.code(), null, null, file);
        for (User refused : new User[] {fixture.directorA, fixture.mediatorB, fixture.viewer}) {
            assertThatThrownBy(() -> as(refused).importPackage(file, false)).isInstanceOf(PermissionDeniedException.class);
            assertThatThrownBy(() -> as(refused).importPackage(file, true)).isInstanceOf(PermissionDeniedException.class);
            assertThatThrownBy(() -> as(refused).exportOfficeKey(dir.resolve("key"))).isInstanceOf(PermissionDeniedException.class);
        }
        assertThat(dir.resolve("key")).doesNotExist();
        assertThat(store.<Long>read(tx -> tx.exchange().receivedPackageCount())).isZero();
        assertThat(as(fixture.admin).importPackage(file, false).unchanged()).isPositive();
    }

    @Test
    void aRefusedImportNeverBeginsTheBulkWriteNorTakesTheSafetyCopy() throws java.io.IOException {
        Path file = dir.resolve("b.mdpkg");
        as(fixture.admin).export(fixture.committeeB.code(), null, null, file);
        cn.mediationdesk.logic.store.CountingStore counting = new cn.mediationdesk.logic.store.CountingStore(store);
        long auditBefore = counting.read(tx -> tx.audit().chain().map(c -> c.lastSeq()).orElse(0L));
        for (User refused : new User[] {fixture.directorA, fixture.mediatorB, fixture.viewer}) {
            assertThatThrownBy(() -> new PackageService(counting, RoleFixture.CLOCK, refused).importPackage(file, true))
                    .isInstanceOf(PermissionDeniedException.class);
        }
        assertThat(counting.bulkWrites()).isZero();
        try (java.util.stream.Stream<Path> files = java.nio.file.Files.walk(dir)) {
            assertThat(files.map(f -> f.getFileName().toString())).noneMatch(n -> n.contains("before-bulk-write"));
        }
        assertThat(counting.<Long>read(tx -> tx.exchange().receivedPackageCount())).isZero();
        assertThat(counting.<Long>read(tx -> tx.audit().chain().map(c -> c.lastSeq()).orElse(0L))).isEqualTo(auditBefore);

        new PackageService(counting, RoleFixture.CLOCK, fixture.admin).importPackage(file, false);
        assertThat(counting.bulkWrites()).isEqualTo(1);
    }

    @Test
    void everyRoleReadsTheReportingStatus() {
        for (User user : new User[] {fixture.admin, fixture.directorA, fixture.mediatorB, fixture.viewer}) {
            assertThat(as(user).status().committees()).isNotEmpty();
            assertThat(as(user).conflicts(true)).isEmpty();
            assertThat(as(user).received()).isEmpty();
        }
    }
}

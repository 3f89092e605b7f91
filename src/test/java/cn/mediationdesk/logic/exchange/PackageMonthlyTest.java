package cn.mediationdesk.logic.exchange;

import cn.mediationdesk.logic.exchange.PackageService.ImportReport;
import cn.mediationdesk.logic.monthly.MonthlyReportService;
import cn.mediationdesk.logic.monthly.ScreeningInput;
import cn.mediationdesk.logic.monthly.ScreeningService;
import cn.mediationdesk.logic.store.Store;
import cn.mediationdesk.model.Committee;
import cn.mediationdesk.model.Screening;
import cn.mediationdesk.model.SignedMonthlyReport;
import cn.mediationdesk.model.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static cn.mediationdesk.logic.exchange.ExchangeFixture.clockOn;
import static org.assertj.core.api.Assertions.assertThat;

/** A committee's screening rounds and signed monthly reports travel in its packages to the governance office. */
class PackageMonthlyTest {
    private static final Clock JULY_1 = clockOn(LocalDate.of(2024, 7, 1));
    private static final Clock JULY_2 = clockOn(LocalDate.of(2024, 7, 2));
    private static final Clock JULY_3 = clockOn(LocalDate.of(2024, 7, 3));
    private static final YearMonth JUNE = YearMonth.of(2024, 6);

    @TempDir
    Path dir;

    private ExchangeFixture pcs;
    private Store committeePc;
    private Store office;
    private Committee committee;

    @BeforeEach
    void twoOffices() {
        pcs = new ExchangeFixture(dir);
        committeePc = pcs.demo("committee");
        office = pcs.empty("office", "金宝新区");
        committee = committeePc.read(tx -> tx.organization().committees().get(2));
    }

    @AfterEach
    void close() {
        pcs.close();
    }

    private Path export(Clock clock, String name) {
        Path file = pcs.file(name);
        ExchangeFixture.packages(committeePc, clock).export(committee.code(), null, null, file);
        return file;
    }

    private ImportReport receive(Path file, Clock clock) {
        return ExchangeFixture.packages(office, clock).importPackage(file, false);
    }

    private Optional<SignedMonthlyReport> report(Store store) {
        long id = ExchangeFixture.committee(store, committee.code()).id();
        return store.read(tx -> tx.monthly().report(id, JUNE));
    }

    @Test
    void roundsAndASignedReportArriveOnceAndANewerRoundReplacesTheOlder() {
        ScreeningService register = new ScreeningService(committeePc, JULY_1);
        Screening first = register.record(User.setup(), committee.id(),
                new ScreeningInput(LocalDate.of(2024, 6, 3), "新华路", null, "张丽", 1, "入户走访"));
        register.record(User.setup(), committee.id(),
                new ScreeningInput(LocalDate.of(2024, 6, 20), "农贸市场", null, "王强、李明", 0, null));
        SignedMonthlyReport signed = new MonthlyReportService(committeePc, JULY_1)
                .sign(User.setup(), committee.id(), JUNE, "无").signed();

        Path file = export(JULY_1, "june.mdpkg");
        receive(file, JULY_2);
        receive(export(JULY_1, "june-again.mdpkg"), JULY_2);

        assertThat(roundsOf(office)).containsExactlyElementsOf(roundsOf(committeePc).stream()
                .map(s -> withCommittee(s, officeCommittee())).toList());
        assertThat(report(office)).get().isEqualTo(new SignedMonthlyReport(officeCommittee(), JUNE, true,
                signed.figures(), "无", signed.signedBy(), signed.signerName(), signed.signedOn(), signed.signedAt()));

        Screening changed = register.change(User.setup(), first.id(), first.version(),
                new ScreeningInput(LocalDate.of(2024, 6, 3), "新华路", null, "张丽", 2, "入户走访"));
        Path older = file;
        receive(export(JULY_2, "changed.mdpkg"), JULY_3);
        assertThat(roundsOf(office)).filteredOn(s -> s.id().equals(first.id())).singleElement()
                .satisfies(s -> {
                    assertThat(s.version()).isEqualTo(changed.version());
                    assertThat(s.leadsFound()).isEqualTo(2);
                });

        // the older package's rounds merged again change nothing back
        PackageContents olderContents = PackageContents.fromEntries(PackageReader.read(older, null).entries(), "june");
        // looked up before the write: a read nested in a write is not allowed on PostgreSQL
        var atOffice = ExchangeFixture.committee(office, committee.code());
        MonthlyExchange.Merged merged = office.write(tx -> MonthlyExchange.merge(tx, atOffice, olderContents, "june"));
        assertThat(merged).isEqualTo(new MonthlyExchange.Merged(0, 0, 0));
        assertThat(roundsOf(office)).filteredOn(s -> s.id().equals(first.id())).singleElement()
                .extracting(Screening::leadsFound).isEqualTo(2);
    }

    @Test
    void aPackageWithoutTheRegisterStillImports() throws Exception {
        new ScreeningService(committeePc, JULY_1).record(User.setup(), committee.id(),
                new ScreeningInput(LocalDate.of(2024, 6, 3), "新华路", null, "张丽", 1, null));
        Path file = export(JULY_1, "new.mdpkg");
        OpenedPackage opened = PackageReader.read(file, null);
        assertThat(opened.entries()).containsKey(PackageContents.MONTHLY);
        Map<String, byte[]> entries = new LinkedHashMap<>(opened.entries());
        entries.remove(PackageContents.MONTHLY);
        InstallationKeys sender = committeePc.read(tx -> tx.exchange().installation().map(i -> InstallationKeys.fromStored(
                new InstallationKeys.StoredKeys(i.installationId(), i.signingPrivate(), i.signingPublic(),
                        i.agreementPrivate(), i.agreementPublic())))).orElseThrow();
        Path old = pcs.file("old.mdpkg");
        PackageWriter.write(old, opened.manifest(), entries, sender, Optional.empty(), 1);

        ImportReport report = receive(old, JULY_2);

        assertThat(report.added()).isPositive();
        assertThat(roundsOf(office)).isEmpty();
        assertThat(PackageContents.fromEntries(entries, "old.mdpkg").screenings()).isEmpty();
    }

    private long officeCommittee() {
        return ExchangeFixture.committee(office, committee.code()).id();
    }

    private List<Screening> roundsOf(Store store) {
        long id = ExchangeFixture.committee(store, committee.code()).id();
        return store.read(tx -> tx.monthly().screenings(id, null, null));
    }

    private static Screening withCommittee(Screening s, long committeeId) {
        return new Screening(s.id(), committeeId, s.screenedOn(), s.place(), s.gridId(), s.screenedBy(), s.leadsFound(),
                s.note(), s.recordedBy(), s.recordedAt(), s.version());
    }
}

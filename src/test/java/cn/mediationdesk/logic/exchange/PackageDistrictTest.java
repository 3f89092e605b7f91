package cn.mediationdesk.logic.exchange;

import cn.mediationdesk.logic.tally.Grouping;
import cn.mediationdesk.logic.tally.TallyCounts;
import cn.mediationdesk.logic.tally.TallyQuery;
import cn.mediationdesk.logic.tally.TallyResult;
import cn.mediationdesk.logic.tally.TallyRow;
import cn.mediationdesk.logic.tally.TallyService;
import cn.mediationdesk.logic.store.Store;
import cn.mediationdesk.model.Committee;
import cn.mediationdesk.model.Lead;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static cn.mediationdesk.logic.exchange.ExchangeFixture.clockOn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The "done when": eight committees on eight PCs (folders), each holding only its own
 * leads, keep working and send packages — repeatedly, out of order, one tampered with and one cut
 * short on the way — to the governance office, whose district summary then equals the sum of the
 * committees' own summaries at every grouping and several as-of days.
 */
class PackageDistrictTest {
    private static final LocalDate JULY_1 = LocalDate.of(2024, 7, 1);

    @TempDir
    Path dir;

    private ExchangeFixture pcs;
    private final Map<String, Store> committeePcs = new LinkedHashMap<>();
    private Store office;

    @BeforeEach
    void eightCommitteesAndTheOffice() {
        pcs = new ExchangeFixture(dir);
        // Each committee's PC gets its own committee from one demo (as if it had entered it there),
        // under a key of its own.
        Store demo = pcs.demo("demo");
        List<Committee> committees = demo.read(tx -> tx.organization().committees());
        assertThat(committees).hasSize(8);
        for (Committee committee : committees) {
            Path seed = pcs.file("seed-" + committee.code() + ".mdpkg");
            ExchangeFixture.packages(demo, ExchangeFixture.DEMO_DAY).export(committee.code(), null, null, seed);
            Store pc = pcs.empty("pc-" + committee.code(), "金宝新区");
            ExchangeFixture.packages(pc, ExchangeFixture.DEMO_DAY).importPackage(seed, false);
            committeePcs.put(committee.code(), pc);
        }
        office = pcs.empty("office", "金宝新区");
    }

    @AfterEach
    void close() {
        pcs.close();
    }

    private Path send(String code, LocalDate day, LocalDate since, String name) {
        Path file = pcs.file(name);
        ExchangeFixture.packages(committeePcs.get(code), clockOn(day)).export(code, since, null, file);
        return file;
    }

    @Test
    void theOfficesSummaryIsTheSumOfTheCommittees() throws Exception {
        List<String> codes = new ArrayList<>(committeePcs.keySet());
        List<Path> inbox = new ArrayList<>();
        // Week one: every committee sends everything it has.
        for (String code : codes) {
            inbox.add(send(code, JULY_1, null, "week1-" + code + ".mdpkg"));
        }
        // Then work goes on: new cases, one of them closed later; each sends what changed since July 1.
        for (int i = 0; i < codes.size(); i++) {
            String code = codes.get(i);
            Store pc = committeePcs.get(code);
            long committeeId = ExchangeFixture.committee(pc, code).id();
            Lead opened = ExchangeFixture.newCase(pc, clockOn(JULY_1.plusDays(1)), committeeId, "七月新发纠纷" + i);
            if (i % 2 == 0) {
                ExchangeFixture.resolve(pc, clockOn(JULY_1.plusDays(3)), opened.id());
            }
            if (i % 3 == 0) {
                Lead resolved = ExchangeFixture.resolved(pc, committeeId);
                ExchangeFixture.followUp(pc, clockOn(JULY_1.plusDays(4)), resolved.id(), "回访");
            }
            inbox.add(send(code, JULY_1.plusDays(5), JULY_1, "week2-" + code + ".mdpkg"));
        }
        // A third package from half of them, sent again by mistake.
        for (int i = 0; i < codes.size(); i += 2) {
            Path third = send(codes.get(i), JULY_1.plusDays(8), null, "week3-" + codes.get(i) + ".mdpkg");
            inbox.add(third);
            inbox.add(third);
        }
        // One tampered with and one cut short on the way.
        Path tampered = pcs.file("tampered.mdpkg");
        byte[] bytes = Files.readAllBytes(inbox.get(1));
        bytes[bytes.length / 2] ^= 0x01;
        Files.write(tampered, bytes);
        Path truncated = pcs.file("truncated.mdpkg");
        byte[] whole = Files.readAllBytes(inbox.get(2));
        Files.write(truncated, Arrays.copyOf(whole, whole.length * 3 / 4));

        // The office receives them in the worst order: newest first, the damaged ones in between.
        List<Path> arrival = new ArrayList<>(inbox.reversed());
        arrival.add(3, tampered);
        arrival.add(7, truncated);
        PackageService officePackages = ExchangeFixture.packages(office, clockOn(JULY_1.plusDays(10)));
        List<PackageRejectedException> refused = new ArrayList<>();
        for (Path file : arrival) {
            try {
                officePackages.importPackage(file, false);
            } catch (PackageRejectedException e) {
                refused.add(e);
            }
        }
        assertThat(refused).hasSize(2);
        assertThat(refused).extracting(PackageRejectedException::file)
                .containsExactlyInAnyOrder(tampered.toString(), truncated.toString());
        assertThat(officePackages.conflicts(false)).isEmpty();
        // a package arriving late never moves a committee's reporting back
        assertThat(officePackages.status().committees()).hasSize(8)
                .extracting(PackageService.CommitteeReporting::coversTo)
                .containsOnly(JULY_1.plusDays(5), JULY_1.plusDays(8))
                .filteredOn(day -> day.equals(JULY_1.plusDays(8))).hasSize(4);

        for (LocalDate asOf : List.of(LocalDate.of(2022, 6, 30), LocalDate.of(2022, 12, 31), JULY_1.plusDays(2),
                JULY_1.plusDays(10))) {
            for (Grouping grouping : Grouping.values()) {
                TallyQuery query = TallyQuery.of(grouping, LocalDate.of(2022, 1, 1), JULY_1.plusDays(10), asOf);
                Map<String, TallyCounts> sum = new TreeMap<>();
                TallyCounts total = TallyCounts.ZERO;
                for (Store pc : committeePcs.values()) {
                    TallyResult own = new TallyService(pc).summarize(query);
                    for (TallyRow row : own.rows()) {
                        sum.merge(row.code(), row.counts(), TallyCounts::plus);
                    }
                    total = total.plus(own.total().counts());
                }
                TallyResult district = new TallyService(office).summarize(query);
                Map<String, TallyCounts> rows = new TreeMap<>();
                district.rows().forEach(r -> rows.put(r.code(), r.counts()));
                assertThat(rows).as("%s as of %s", grouping, asOf).isEqualTo(withZeros(sum, rows.keySet()));
                assertThat(district.total().counts()).as("TOTAL, %s as of %s", grouping, asOf).isEqualTo(total);
            }
        }
        assertThat(new TallyService(office).summarize(TallyQuery.of(Grouping.COMMITTEE, LocalDate.of(2022, 1, 1),
                LocalDate.of(2022, 12, 31), LocalDate.of(2022, 12, 31))).total().counts().resolved())
                .as("the seed's 64 resolved of 2022").isEqualTo(64);
    }

    /** The committees' sum, with a zero row for every group only the office lists (committees list only what they know). */
    private static Map<String, TallyCounts> withZeros(Map<String, TallyCounts> sum, java.util.Set<String> codes) {
        Map<String, TallyCounts> all = new TreeMap<>(sum);
        codes.forEach(code -> all.putIfAbsent(code, TallyCounts.ZERO));
        return all;
    }

    @Test
    void aDamagedPackageNamesWhy() throws Exception {
        Path file = send(committeePcs.keySet().iterator().next(), JULY_1, null, "one.mdpkg");
        byte[] bytes = Files.readAllBytes(file);
        Path truncated = pcs.file("cut.mdpkg");
        Files.write(truncated, Arrays.copyOf(bytes, bytes.length / 3));
        assertThatThrownBy(() -> ExchangeFixture.packages(office, clockOn(JULY_1)).importPackage(truncated, false))
                .isInstanceOfSatisfying(PackageRejectedException.class, e -> {
                    assertThat(e.file()).isEqualTo(truncated.toString());
                    assertThat(e.reason()).isIn(PackageRejectedException.Reason.TRUNCATED,
                            PackageRejectedException.Reason.NOT_A_PACKAGE);
                });
    }
}

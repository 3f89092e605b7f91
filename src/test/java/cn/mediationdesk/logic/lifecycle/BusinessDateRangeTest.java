package cn.mediationdesk.logic.lifecycle;

import cn.mediationdesk.logic.ValidationException;
import cn.mediationdesk.logic.store.Store;
import cn.mediationdesk.model.CommitteeKind;
import cn.mediationdesk.model.Lead;
import cn.mediationdesk.model.PartyRole;
import cn.mediationdesk.model.Problem;
import cn.mediationdesk.model.Problem.Field;
import cn.mediationdesk.model.User;
import cn.mediationdesk.model.VerificationResult;
import cn.mediationdesk.persistence.Database;
import cn.mediationdesk.persistence.TestStores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Every business date lies between 1949-10-01 and today, by one rule ({@link LeadRules#checkDate}) that
 * the forms of the window (through {@link LifecycleService}) and the ledger import share.
 */
class BusinessDateRangeTest {
    private static final LocalDate TODAY = LocalDate.of(2022, 12, 31);

    @TempDir
    Path dir;
    private Store store;
    private LifecycleService lifecycle;
    private long committeeId;
    private long communityId;

    @BeforeEach
    void openDatabase() {
        store = TestStores.fresh(dir, "db");
        Clock clock = Clock.fixed(TODAY.atTime(18, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant(),
                ZoneId.of("Asia/Shanghai"));
        lifecycle = new LifecycleService(store, clock, User.setup());
        store.write(tx -> {
            tx.organization().insertJurisdiction("金宝新区", clock.instant());
            communityId = tx.organization().insertCommunity("SQ001", "金宝社区");
            committeeId = tx.organization().insertCommittee("TW001", "金宝新区人民调解委员会", "金宝",
                    CommitteeKind.JURISDICTION, null);
            return null;
        });
    }

    @AfterEach
    void close() {
        store.close();
    }

    private static List<Problem> check(LocalDate date) {
        List<Problem> problems = new ArrayList<>();
        LeadRules.checkDate(date, Field.FOUND_ON, TODAY, problems);
        return problems;
    }

    @Test
    void theRuleTakesTheFirstDayOfThePeoplesRepublicUpToToday() {
        assertThat(check(LocalDate.of(1949, 10, 1))).isEmpty();
        assertThat(check(TODAY)).isEmpty();
        assertThat(check(LocalDate.of(1949, 9, 30)))
                .containsExactly(Problem.of(Field.FOUND_ON, "rule.date.beforeEarliest", LocalDate.of(1949, 9, 30),
                        LeadRules.EARLIEST_DATE));
        assertThat(check(LocalDate.of(0, 1, 1))).extracting(Problem::key).containsExactly("rule.date.beforeEarliest");
        assertThat(check(TODAY.plusDays(1))).extracting(Problem::key).containsExactly("rule.date.future");
    }

    private Lead register(LocalDate foundOn) {
        return lifecycle.register(new NewLead(committeeId, communityId, null, null, foundOn, "SCREENING", "NEIGHBOR",
                "张某与李某因排水沟堵塞发生纠纷", 2, null, null, false, false,
                List.of(new PartyInput("张某", null, null, null, null, PartyRole.APPLICANT))));
    }

    @Test
    void aFormIsRefusedADateBeforeTheEarliestAsTheImportIs() {
        ValidationException e = catchThrowableOfType(ValidationException.class, () -> register(LocalDate.of(1949, 9, 30)));
        assertThat(e.problems()).extracting(Problem::field, Problem::key)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Field.FOUND_ON, "rule.date.beforeEarliest"));
        long leads = store.read(tx -> tx.leads().count());
        assertThat(leads).as("nothing written").isZero();

        Lead lead = register(LocalDate.of(1949, 10, 1));
        assertThat(lead.foundOn()).isEqualTo(LocalDate.of(1949, 10, 1));
        ValidationException step = catchThrowableOfType(ValidationException.class, () ->
                lifecycle.addVerificationStep(lead.id(), LocalDate.of(1900, 1, 1), "走访", null, null));
        assertThat(step.problems()).extracting(Problem::key).contains("rule.date.beforeEarliest");
        Lead verified = lifecycle.verify(lead.id(), lead.version(), VerificationResult.UNFOUNDED,
                LocalDate.of(1949, 10, 2), null, null);
        assertThat(verified.verifiedOn()).isEqualTo(LocalDate.of(1949, 10, 2));
    }
}

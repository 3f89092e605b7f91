package cn.mediationdesk.gui.lead;

import cn.mediationdesk.model.Problem.Field;
import cn.mediationdesk.model.SessionPlan;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.LocalTime;

import static org.assertj.core.api.Assertions.assertThat;

/** 安排调解 in the sessions section: planning, changing, calling off, and a session held on its day. */
class SessionPlansViewModelTest extends LeadEditorTestSupport {

    @Test
    void aSessionIsPlannedChangedAndCalledOff() {
        LeadEditorViewModel editor = acceptedLead();
        SessionsSectionViewModel vm = editor.sessions();
        assertThat(vm.planOnProperty().get()).isEqualTo("2022-12-31");
        vm.planStartsAtProperty().set("09:30");
        vm.planPlaceProperty().set("社区调解室");
        vm.plan();

        assertThat(vm.plans()).singleElement().satisfies(p -> {
            assertThat(p.plannedOn()).isEqualTo(TODAY);
            assertThat(p.startsAt()).isEqualTo(LocalTime.of(9, 30));
        });
        assertThat(vm.planLine(vm.plans().getFirst())).isEqualTo("2022-12-31 09:30 · 社区调解室");
        assertThat(vm.planPlaceProperty().get()).as("the form is ready for the next plan").isEmpty();

        SessionPlan plan = vm.plans().getFirst();
        vm.change(plan);
        assertThat(vm.changingPlanProperty().get()).isTrue();
        assertThat(vm.planPlaceProperty().get()).isEqualTo("社区调解室");
        vm.planPlaceProperty().set("村委会");
        vm.plan();
        assertThat(vm.plans()).singleElement().satisfies(p -> {
            assertThat(p.id()).isEqualTo(plan.id());
            assertThat(p.place()).isEqualTo("村委会");
        });
        assertThat(vm.changingPlanProperty().get()).isFalse();

        vm.callOff(vm.plans().getFirst());
        assertThat(vm.plans()).isEmpty();
    }

    @Test
    void aPlanForADayPastOrAWrongHourIsShownAtItsFields() {
        SessionsSectionViewModel vm = acceptedLead().sessions();
        vm.planOnProperty().set("2022-12-30");
        vm.planStartsAtProperty().set("9点半");
        vm.plan();

        assertThat(vm.plans()).isEmpty();
        assertThat(vm.planError(Field.DATE).get()).isEqualTo("安排的日期不能早于今天");
        assertThat(vm.planError(Field.STARTS_AT).get()).startsWith("时间应写成");

        vm.planOnProperty().set("明天");
        vm.plan();
        assertThat(vm.planError(Field.DATE).get()).isNotEmpty();
    }

    @Test
    void recordingTheSessionHeldOnAPlannedDayRemovesThatPlan() {
        SessionsSectionViewModel vm = acceptedLead().sessions();
        vm.plan();
        assertThat(vm.plans()).extracting(SessionPlan::plannedOn).containsExactly(LocalDate.of(2022, 12, 31));

        vm.heldOnProperty().set("2022-12-31");
        vm.matterProperty().set("漏水纠纷调解");
        vm.recorderProperty().set("王调解");
        vm.add();

        assertThat(vm.sessions()).hasSize(1);
        assertThat(vm.plans()).isEmpty();
    }
}

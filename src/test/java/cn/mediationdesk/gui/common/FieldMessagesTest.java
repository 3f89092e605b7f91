package cn.mediationdesk.gui.common;

import cn.mediationdesk.logic.l10n.Localization;
import cn.mediationdesk.model.Problem;
import cn.mediationdesk.model.Problem.Field;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FieldMessagesTest {
    private static final Localization CHINESE = new Localization(Localization.CHINESE);

    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty phone = new SimpleStringProperty("");
    private final FieldMessages messages = new FieldMessages(CHINESE, "；", Field.NAME, Field.PHONE);

    @Test
    void eachProblemGoesToItsFieldAndTheRestNamesItsField() {
        messages.show(List.of(Problem.of(Field.NAME, "rule.required"), Problem.of(Field.NAME, "rule.required"),
                Problem.of(Field.COMMITTEE, "rule.required")));

        assertThat(messages.message(Field.NAME).get()).isEqualTo("必须填写；必须填写");
        assertThat(messages.message(Field.PHONE).get()).isEmpty();
        assertThat(messages.general().get()).isEqualTo(CHINESE.describe(Problem.of(Field.COMMITTEE, "rule.required")));
        assertThat(messages.showsAtItsControl(Problem.of(Field.NAME, "rule.required"))).isTrue();
        assertThat(messages.showsAtItsControl(Problem.of(Field.COMMITTEE, "rule.required"))).isFalse();
        messages.clear();
        assertThat(messages.isEmpty()).isTrue();
    }

    @Test
    void aRequiredFieldsMessageGoesWhenItIsFilledInAndComesBackWhenItIsEmptiedAgain() {
        messages.recheckRequired(Field.NAME, name);
        messages.show(List.of(Problem.of(Field.NAME, "rule.required")));

        name.set("张");
        assertThat(messages.message(Field.NAME).get()).isEmpty();
        name.set(" ");
        assertThat(messages.message(Field.NAME).get()).as("nothing shown, nothing to check again").isEmpty();

        messages.show(List.of(Problem.of(Field.NAME, "rule.required")));
        name.set("   ");
        assertThat(messages.message(Field.NAME).get()).isEqualTo("必须填写");
    }

    @Test
    void aFieldNeverShownWrongIsNotJudgedWhileItIsTyped() {
        messages.recheckRequired(Field.NAME, name);
        name.set("x");
        name.set("");
        assertThat(messages.isEmpty()).isTrue();
    }

    @Test
    void aRuleOnlyTheServiceKnowsIsTakenBackOnceTheValueChangesAndCheckedAgainAtTheNextSave() {
        messages.recheckOnChange(Field.PHONE.name(), phone, java.util.Optional::empty);
        messages.show(List.of(Problem.of(Field.PHONE, "rule.required")));
        phone.set("13800000000");
        assertThat(messages.message(Field.PHONE).get()).isEmpty();
    }
}

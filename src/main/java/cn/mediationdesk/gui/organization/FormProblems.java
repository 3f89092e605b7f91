package cn.mediationdesk.gui.organization;

import cn.mediationdesk.gui.common.FieldMessages;
import cn.mediationdesk.logic.l10n.Localization;
import cn.mediationdesk.model.Problem.Field;
import javafx.beans.property.ReadOnlyStringProperty;

/**
 * The rule violations of one organization form (see {@link FieldMessages}), each under its field;
 * a problem of a field the form does not show lands in {@link #otherProperty()} instead of getting lost.
 */
public final class FormProblems extends FieldMessages {
    private static final String SEPARATOR = "；";

    public FormProblems(Localization l10n, Field... shown) {
        super(l10n, SEPARATOR, shown);
    }

    /** The message to show at {@code field}, empty when it is fine. */
    public ReadOnlyStringProperty messageProperty(Field field) {
        return message(field);
    }

    /** Problems of fields this form has no place for, each as "字段：message". */
    public ReadOnlyStringProperty otherProperty() {
        return general();
    }
}

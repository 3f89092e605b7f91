package cn.mediationdesk.gui.organization;

import cn.mediationdesk.logic.l10n.Localization;
import cn.mediationdesk.model.Problem;
import cn.mediationdesk.model.Problem.Field;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rule violations of one form, each localized and kept at the field it concerns, so that the
 * view shows the message right under that field. A problem of a field the form does not show
 * lands in {@link #otherProperty()} instead of getting lost.
 */
public final class FormProblems {
    private static final String SEPARATOR = "；";

    private final Localization l10n;
    private final Map<Field, ReadOnlyStringWrapper> messages = new EnumMap<>(Field.class);
    private final ReadOnlyStringWrapper other = new ReadOnlyStringWrapper("");

    public FormProblems(Localization l10n, Field... shown) {
        this.l10n = l10n;
        for (Field field : shown) {
            messages.put(field, new ReadOnlyStringWrapper(""));
        }
    }

    /** The message to show at {@code field}, empty when it is fine. */
    public ReadOnlyStringProperty messageProperty(Field field) {
        ReadOnlyStringWrapper message = messages.get(field);
        if (message == null) {
            throw new IllegalArgumentException(field + " is not on this form");
        }
        return message.getReadOnlyProperty();
    }

    /** Problems of fields this form has no place for, each as "字段：message". */
    public ReadOnlyStringProperty otherProperty() {
        return other.getReadOnlyProperty();
    }

    void show(List<Problem> problems) {
        Map<Field, List<String>> byField = new LinkedHashMap<>();
        List<String> rest = new ArrayList<>();
        for (Problem problem : problems) {
            if (messages.containsKey(problem.field())) {
                byField.computeIfAbsent(problem.field(), f -> new ArrayList<>()).add(l10n.message(problem));
            } else {
                rest.add(l10n.describe(problem));
            }
        }
        messages.forEach((field, message) -> message.set(String.join(SEPARATOR, byField.getOrDefault(field, List.of()))));
        other.set(String.join(SEPARATOR, rest));
    }

    void clear() {
        show(List.of());
    }

    public boolean isEmpty() {
        return other.get().isEmpty() && messages.values().stream().allMatch(m -> m.get().isEmpty());
    }
}

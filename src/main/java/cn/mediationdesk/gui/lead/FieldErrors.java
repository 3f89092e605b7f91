package cn.mediationdesk.gui.lead;

import cn.mediationdesk.logic.l10n.Localization;
import cn.mediationdesk.model.Problem;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The messages of one form's broken rules, each kept for the control it concerns (a "slot", by
 * default the problem's field), so that the view shows it right beside that control. A problem
 * about a field the form has no control for goes to the form's general message, named by its field.
 */
final class FieldErrors {
    private final Localization l10n;
    private final Map<String, ReadOnlyStringWrapper> slots = new LinkedHashMap<>();
    private final ReadOnlyStringWrapper general = new ReadOnlyStringWrapper("");
    private Function<Problem, String> route = problem -> problem.field().name();

    FieldErrors(Localization l10n, Problem.Field... fields) {
        this.l10n = l10n;
        for (Problem.Field field : fields) {
            slots.put(field.name(), new ReadOnlyStringWrapper(""));
        }
    }

    /** Adds a control that is not one field of its own, e.g. the second date of a form. */
    FieldErrors slot(String name) {
        slots.put(name, new ReadOnlyStringWrapper(""));
        return this;
    }

    /** Decides which slot a problem belongs to, for forms where one field name covers two controls. */
    FieldErrors routedBy(Function<Problem, String> route) {
        this.route = route;
        return this;
    }

    ReadOnlyStringProperty message(Problem.Field field) {
        return message(field.name());
    }

    ReadOnlyStringProperty message(String slot) {
        ReadOnlyStringWrapper wrapper = slots.get(slot);
        if (wrapper == null) {
            throw new IllegalArgumentException("this form has no control for " + slot);
        }
        return wrapper.getReadOnlyProperty();
    }

    /** Problems that belong to no control of this form, one line each, naming their field. */
    ReadOnlyStringProperty general() {
        return general.getReadOnlyProperty();
    }

    void show(Collection<Problem> problems) {
        Map<String, List<String>> bySlot = new LinkedHashMap<>();
        List<String> rest = new ArrayList<>();
        for (Problem problem : problems) {
            String slot = route.apply(problem);
            if (slot != null && slots.containsKey(slot)) {
                bySlot.computeIfAbsent(slot, s -> new ArrayList<>()).add(l10n.message(problem));
            } else {
                rest.add(l10n.describe(problem));
            }
        }
        slots.forEach((slot, wrapper) -> wrapper.set(String.join("\n", bySlot.getOrDefault(slot, List.of()))));
        general.set(String.join("\n", rest));
    }

    void clear() {
        show(List.of());
    }

    boolean isEmpty() {
        return general.get().isEmpty() && slots.values().stream().allMatch(w -> w.get().isEmpty());
    }
}

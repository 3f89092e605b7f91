package cn.mediationdesk.gui.common;

import cn.mediationdesk.logic.l10n.Localization;
import cn.mediationdesk.model.Problem;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The one way every form keeps the messages of its broken rules: each kept for the control it
 * concerns (a "slot", by default the problem's field), so that the view shows it right beside that
 * control; a problem about a field the form has no control for goes to the general message, named
 * by its field. Once shown, a message follows its control: when the user changes the value it is
 * checked again ({@link #recheckOnChange}) and disappears as soon as the value is valid.
 */
public class FieldMessages {
    private final Localization l10n;
    private final String separator;
    private final Map<String, ReadOnlyStringWrapper> slots = new LinkedHashMap<>();
    private final ReadOnlyStringWrapper general = new ReadOnlyStringWrapper("");
    private Function<Problem, String> route = problem -> problem.field().name();

    /**
     * @param separator between two messages of one slot (a line break under a field, "；" in a narrow form)
     */
    public FieldMessages(Localization l10n, String separator, Problem.Field... fields) {
        this.l10n = l10n;
        this.separator = separator;
        for (Problem.Field field : fields) {
            slots.put(field.name(), new ReadOnlyStringWrapper(""));
        }
    }

    /** Adds a control that is not one field of its own, e.g. the second date of a form. */
    public void addSlot(String name) {
        slots.put(name, new ReadOnlyStringWrapper(""));
    }

    /** Decides which slot a problem belongs to, for forms where one field name covers two controls. */
    public void route(Function<Problem, String> route) {
        this.route = route;
    }

    /** Whether {@code problem} is shown at a control of this form (rather than in the general message). */
    public boolean showsAtItsControl(Problem problem) {
        String slot = route.apply(problem);
        return slot != null && slots.containsKey(slot);
    }

    public ReadOnlyStringProperty message(Problem.Field field) {
        return message(field.name());
    }

    public ReadOnlyStringProperty message(String slot) {
        return wrapper(slot).getReadOnlyProperty();
    }

    private ReadOnlyStringWrapper wrapper(String slot) {
        ReadOnlyStringWrapper wrapper = slots.get(slot);
        if (wrapper == null) {
            throw new IllegalArgumentException("this form has no control for " + slot);
        }
        return wrapper;
    }

    /** Problems that belong to no control of this form, each naming its field. */
    public ReadOnlyStringProperty general() {
        return general.getReadOnlyProperty();
    }

    public void show(Collection<Problem> problems) {
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
        slots.forEach((slot, wrapper) -> wrapper.set(String.join(separator, bySlot.getOrDefault(slot, List.of()))));
        general.set(String.join(separator, rest));
    }

    public void clear() {
        show(List.of());
    }

    public boolean isEmpty() {
        return general.get().isEmpty() && slots.values().stream().allMatch(w -> w.get().isEmpty());
    }

    /**
     * While {@code slot} shows a message, each change of {@code input} checks the value again: the
     * message becomes what {@code rule} finds wrong now, and disappears when it finds nothing. A
     * rule only the service knows is checked again at the next save.
     *
     * @param rule the form's own check of this one value (e.g. "required", "a date"), empty when it holds
     */
    public void recheckOnChange(String slot, ObservableValue<?> input, Supplier<Optional<Problem>> rule) {
        ReadOnlyStringWrapper wrapper = wrapper(slot);
        input.addListener((obs, old, now) -> {
            if (!wrapper.get().isEmpty()) {
                wrapper.set(rule.get().map(l10n::message).orElse(""));
            }
        });
    }

    /** {@link #recheckOnChange} of a field whose own rule is that it is filled in. */
    public void recheckRequired(Problem.Field field, ObservableValue<?> input) {
        recheckOnChange(field.name(), input, () -> isBlank(input.getValue())
                ? Optional.of(Problem.of(field, "rule.required")) : Optional.empty());
    }

    private static boolean isBlank(Object value) {
        return value == null || value instanceof String text && text.isBlank()
                || value instanceof Collection<?> many && many.isEmpty();
    }
}

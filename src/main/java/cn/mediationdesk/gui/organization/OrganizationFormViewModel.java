package cn.mediationdesk.gui.organization;

import cn.mediationdesk.logic.l10n.Localization;
import cn.mediationdesk.logic.organization.OrganizationChart;
import cn.mediationdesk.logic.organization.OrganizationService;
import cn.mediationdesk.model.Problem.Field;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.util.List;
import java.util.Optional;

/**
 * One form of the Organization screen: empty for a new entry, or filled with the entry being
 * edited. Saving creates or updates it; the entry's own button deactivates or reactivates it.
 *
 * @param <T> the record the form edits
 */
public abstract class OrganizationFormViewModel<T> {
    protected final OrganizationViewModel owner;
    protected final Localization l10n;
    private final FormProblems problems;
    private final ReadOnlyObjectWrapper<T> editing = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper feedback = new ReadOnlyStringWrapper("");
    private final StringBinding title;
    private final StringBinding toggleText;
    private final BooleanBinding canToggle;

    protected OrganizationFormViewModel(OrganizationViewModel owner, Field... fields) {
        this.owner = owner;
        this.l10n = owner.l10n();
        this.problems = new FormProblems(l10n, fields);
        title = Bindings.createStringBinding(() -> editing.get() == null ? newTitle()
                : l10n.text("gui.org.form.editTitle", nameOf(editing.get())), editing);
        toggleText = Bindings.createStringBinding(() -> editing.get() == null || isActive(editing.get())
                ? l10n.text("gui.org.form.deactivate") : l10n.text("gui.org.form.activate"), editing);
        canToggle = editing.isNotNull().and(owner.busyProperty().not());
        // After any change (here or in another form) the edited entry follows its stored copy.
        owner.chartProperty().addListener((obs, old, chart) -> {
            chartChanged(chart);
            T current = editing.get();
            if (current != null) {
                all(chart).stream().filter(t -> idOf(t) == idOf(current)).findFirst().ifPresent(editing::set);
            }
        });
    }

    /** Empties the form for a new entry, with the suggestions a new one gets (the next code …). */
    public final void startNew() {
        editing.set(null);
        problems.clear();
        feedback.set("");
        fillForNew();
    }

    /** Fills the form with {@code item}, or empties it for a new entry when {@code item} is {@code null}. */
    public final void edit(T item) {
        if (item == null) {
            startNew();
            return;
        }
        editing.set(item);
        problems.clear();
        feedback.set("");
        fill(item);
    }

    /** Creates the new entry or saves the edited one; problems appear at their fields. */
    public final void save() {
        T before = editing.get();
        feedback.set("");
        // The values are taken here, on the FX thread; the work itself runs in the background.
        owner.save(before == null ? creating() : updating(before), problems, saved -> {
            editing.set(saved);
            fill(saved);
            feedback.set(before == null ? l10n.text("gui.org.form.created", nameOf(saved))
                    : l10n.text("gui.org.form.saved", nameOf(saved)));
        });
    }

    /** Deactivates the edited entry, or activates it again. Its other fields stay as stored. */
    public final void toggleActive() {
        T item = editing.get();
        if (item == null) {
            return;
        }
        boolean activate = !isActive(item);
        feedback.set("");
        owner.save(organization -> setActive(organization, item, activate), problems, saved -> {
            editing.set(saved);
            feedback.set(activate ? l10n.text("gui.org.form.activated", nameOf(saved))
                    : l10n.text("gui.org.form.deactivated", nameOf(saved)));
        });
    }

    /** The entry being edited, or {@code null} while the form is for a new one. */
    public ReadOnlyObjectProperty<T> editingProperty() {
        return editing.getReadOnlyProperty();
    }

    public FormProblems problems() {
        return problems;
    }

    /** What the last save did, in a sentence; empty after the form is refilled. */
    public ReadOnlyStringProperty feedbackProperty() {
        return feedback.getReadOnlyProperty();
    }

    /** "新增社区" or "编辑：南池村". */
    public StringBinding titleProperty() {
        return title;
    }

    /** "停用" or "启用", for the edited entry. */
    public StringBinding toggleTextProperty() {
        return toggleText;
    }

    public BooleanBinding canToggleProperty() {
        return canToggle;
    }

    protected Optional<T> editingItem() {
        return Optional.ofNullable(editing.get());
    }

    protected static String text(String value) {
        return value == null ? "" : value;
    }

    protected abstract String newTitle();

    protected abstract void fillForNew();

    protected abstract void fill(T item);

    /** Creates the entry from the form's values as they are now. */
    protected abstract OrganizationChange<T> creating();

    /** Saves the form's values as they are now over {@code before}. */
    protected abstract OrganizationChange<T> updating(T before);

    protected abstract OrganizationService.Saved<T> setActive(OrganizationService organization, T item, boolean active);

    protected abstract List<T> all(OrganizationChart chart);

    protected abstract long idOf(T item);

    protected abstract String nameOf(T item);

    protected abstract boolean isActive(T item);

    /** The organization was read again: choice lists follow it. */
    protected void chartChanged(OrganizationChart chart) {
    }
}

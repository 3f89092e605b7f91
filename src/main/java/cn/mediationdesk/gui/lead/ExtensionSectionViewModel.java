package cn.mediationdesk.gui.lead;

import cn.mediationdesk.logic.lifecycle.LeadFile;
import cn.mediationdesk.model.Extension;
import cn.mediationdesk.model.Problem;
import cn.mediationdesk.model.Problem.Field;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** 延期: the parties agree to give a case in mediation more time, moving its due date. */
public final class ExtensionSectionViewModel implements Draft {
    private final LeadEditorViewModel editor;
    private final ObservableList<Extension> extensions = FXCollections.observableArrayList();
    private final StringProperty agreedOn = new SimpleStringProperty("");
    private final StringProperty newDueOn = new SimpleStringProperty("");
    private final StringProperty reason = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper dueInForce = new ReadOnlyStringWrapper("");
    private final FieldErrors errors;
    private final Baseline baseline;
    private final BooleanBinding dirty;

    ExtensionSectionViewModel(LeadEditorViewModel editor) {
        this.editor = editor;
        errors = new FieldErrors(editor.l10n(), Field.DATE, Field.DUE_ON, Field.EXTENSION);
        baseline = new Baseline(() -> Arrays.asList(FormInput.dateOrNull(agreedOn.get()),
                FormInput.orEmpty(newDueOn.get()).strip(), FormInput.orEmpty(reason.get()).strip()),
                agreedOn, newDueOn, reason);
        BooleanBinding open = Bindings.createBooleanBinding(() -> editor.lead() != null && editor.lead().isAccepted()
                && editor.lead().outcome() == null, editor.fileProperty());
        dirty = open.and(baseline.changed());
    }

    void loaded(LeadFile file) {
        extensions.setAll(file == null ? List.of() : file.extensions());
        dueInForce.set(file == null || file.lead().dueOn() == null ? ""
                : editor.l10n().text("gui.lead.extension.dueInForce", file.dueOn(editor.today())));
        if (!baseline.changed().get()) {
            clear();
        }
    }

    private void clear() {
        agreedOn.set(FormInput.text(editor.today()));
        newDueOn.set("");
        reason.set("");
        errors.clear();
        baseline.mark();
    }

    /** Records the extension in the form (what the "extend" button does). */
    public void extend() {
        save(() -> { });
    }

    @Override
    public void save(Runnable onSaved) {
        List<Problem> problems = new ArrayList<>();
        LocalDate agreed = FormInput.date(agreedOn.get(), Field.DATE, problems);
        LocalDate due = FormInput.date(newDueOn.get(), Field.DUE_ON, problems);
        if (!problems.isEmpty()) {
            editor.rejectLocally(errors, problems);
            return;
        }
        String why = FormInput.blankToNull(reason.get());
        editor.submit(errors, (lifecycle, lead) -> lifecycle.extend(lead.id(), lead.version(), agreed, due, why).id(),
                () -> {
                    clear();
                    onSaved.run();
                });
    }

    @Override
    public ObservableBooleanValue dirtyProperty() {
        return dirty;
    }

    public ObservableList<Extension> extensions() {
        return extensions;
    }

    public StringProperty agreedOnProperty() {
        return agreedOn;
    }

    public StringProperty newDueOnProperty() {
        return newDueOn;
    }

    public StringProperty reasonProperty() {
        return reason;
    }

    /** "现行办理期限：2022-04-02"; empty before acceptance. */
    public ReadOnlyStringProperty dueInForceProperty() {
        return dueInForce.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty error(Field field) {
        return errors.message(field);
    }

    public ReadOnlyStringProperty generalError() {
        return errors.general();
    }
}

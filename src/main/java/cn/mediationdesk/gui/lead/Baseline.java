package cn.mediationdesk.gui.lead;

import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableBooleanValue;

import java.util.List;
import java.util.function.Supplier;

/**
 * Remembers what a form held when it was last filled or saved, and says whether it holds something
 * else now: the "unsaved changes" of one form.
 */
final class Baseline {
    private final Supplier<List<Object>> snapshot;
    private final ObjectProperty<List<Object>> marked = new SimpleObjectProperty<>();
    private final BooleanBinding changed;

    /**
     * @param snapshot     the form's values as a list (nulls allowed), compared with {@code equals}
     * @param dependencies every property the snapshot reads
     */
    Baseline(Supplier<List<Object>> snapshot, Observable... dependencies) {
        this.snapshot = snapshot;
        Observable[] all = new Observable[dependencies.length + 1];
        System.arraycopy(dependencies, 0, all, 0, dependencies.length);
        all[dependencies.length] = marked;
        changed = Bindings.createBooleanBinding(() -> marked.get() != null && !snapshot.get().equals(marked.get()), all);
    }

    /** What the form holds now is what counts as saved. */
    void mark() {
        marked.set(snapshot.get());
    }

    ObservableBooleanValue changed() {
        return changed;
    }
}

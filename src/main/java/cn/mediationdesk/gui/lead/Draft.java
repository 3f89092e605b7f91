package cn.mediationdesk.gui.lead;

import javafx.beans.value.ObservableBooleanValue;

/** A form of the editor whose entries are not yet saved, and how to save them. */
interface Draft {
    /** True while the form holds entries that saving would write. */
    ObservableBooleanValue dirtyProperty();

    /** Saves the entries; runs {@code onSaved} only when they were written (a broken rule shows at its field). */
    void save(Runnable onSaved);
}

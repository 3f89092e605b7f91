package cn.mediationdesk.gui.common;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Every dialog the application shows goes through here, so that view models can be tested with
 * a recording implementation instead of windows. Texts arrive already localized.
 */
public interface DialogService {

    /** Tells the user that something went wrong: {@code header} says what, {@code message} what to do. */
    void showError(String title, String header, String message);

    /** Tells the user something that needs no decision. */
    void showInformation(String title, String header, String message);

    /**
     * Tells, without stopping the user's work, that background work finished: a file written, a
     * backup or a package made, an import done. A notice that goes by itself (where there is no
     * such notice, the information dialog).
     */
    default void notifyDone(String title, String header, String message) {
        showInformation(title, header, message);
    }

    /**
     * Asks a question with a button for each of {@code answers}; the first is the default, the last
     * is what Esc or closing the dialog chooses. Returns the index of the answer chosen.
     */
    int ask(String title, String header, String message, List<String> answers);

    /**
     * Asks where to save a file of one kind, e.g. {@code "pdf"}; {@code filterDescription} names the
     * kind ("PDF 文件"). The chosen path always ends in {@code .extension}; empty when the user cancels.
     */
    Optional<Path> chooseSaveFile(String title, String initialFileName, String filterDescription, String extension);

    /**
     * Asks for an existing file of one kind, e.g. {@code "zip"}, offering all files too; empty when the
     * user cancels.
     */
    Optional<Path> chooseOpenFile(String title, String filterDescription, String extension);

    /**
     * Asks for a line of text (a recovery code, say) with OK and Cancel; {@code initialText} is already
     * typed in. Empty when the user cancels.
     */
    Optional<String> askText(String title, String header, String message, String initialText);
}

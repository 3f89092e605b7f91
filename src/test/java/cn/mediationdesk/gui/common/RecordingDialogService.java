package cn.mediationdesk.gui.common;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/** Remembers the dialogs a view model asked for, instead of showing them. */
public final class RecordingDialogService implements DialogService {
    public record Shown(String kind, String title, String header, String message) {
    }

    private final List<Shown> shown = new ArrayList<>();
    private final Deque<Integer> answers = new ArrayDeque<>();
    private final Deque<Path> saveFiles = new ArrayDeque<>();
    private final Deque<Path> openFiles = new ArrayDeque<>();
    private final Deque<String> texts = new ArrayDeque<>();

    @Override
    public void showError(String title, String header, String message) {
        shown.add(new Shown("error", title, header, message));
    }

    @Override
    public void showInformation(String title, String header, String message) {
        shown.add(new Shown("information", title, header, message));
    }

    @Override
    public void notifyDone(String title, String header, String message) {
        shown.add(new Shown("notice", title, header, message));
    }

    /** Answers the next questions with these indices, in turn; with none left, the last answer (cancel). */
    public RecordingDialogService answering(int... indices) {
        for (int index : indices) {
            answers.add(index);
        }
        return this;
    }

    @Override
    public int ask(String title, String header, String message, List<String> choices) {
        shown.add(new Shown("question", title, header, message));
        return answers.isEmpty() ? choices.size() - 1 : answers.removeFirst();
    }

    /** Chooses these files when asked where to save, in turn; with none left, the user cancels. */
    public RecordingDialogService savingTo(Path... files) {
        for (Path file : files) {
            saveFiles.add(file);
        }
        return this;
    }

    @Override
    public Optional<Path> chooseSaveFile(String title, String initialFileName, String filterDescription,
                                         String extension) {
        shown.add(new Shown("save", title, initialFileName, extension));
        return Optional.ofNullable(saveFiles.pollFirst());
    }

    /** Chooses these files when asked for a file to open, in turn; with none left, the user cancels. */
    public RecordingDialogService opening(Path... files) {
        for (Path file : files) {
            openFiles.add(file);
        }
        return this;
    }

    @Override
    public Optional<Path> chooseOpenFile(String title, String filterDescription, String extension) {
        shown.add(new Shown("open", title, filterDescription, extension));
        return Optional.ofNullable(openFiles.pollFirst());
    }

    /** Types these answers when asked for text, in turn; with none left, the user cancels. */
    public RecordingDialogService typing(String... answers) {
        for (String answer : answers) {
            texts.add(answer);
        }
        return this;
    }

    @Override
    public Optional<String> askText(String title, String header, String message, String initialText) {
        shown.add(new Shown("text", title, header, message));
        return Optional.ofNullable(texts.pollFirst());
    }

    public List<Shown> shown() {
        return shown;
    }
}

package cn.mediationdesk.gui.common;

import java.util.ArrayList;
import java.util.List;

/** Remembers the dialogs a view model asked for, instead of showing them. */
public final class RecordingDialogService implements DialogService {
    public record Shown(String kind, String title, String header, String message) {
    }

    private final List<Shown> shown = new ArrayList<>();

    @Override
    public void showError(String title, String header, String message) {
        shown.add(new Shown("error", title, header, message));
    }

    @Override
    public void showInformation(String title, String header, String message) {
        shown.add(new Shown("information", title, header, message));
    }

    public List<Shown> shown() {
        return shown;
    }
}

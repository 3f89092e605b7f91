package cn.mediationdesk.gui.common;

/**
 * Every dialog the application shows goes through here, so that view models can be tested with
 * a recording implementation instead of windows. Texts arrive already localized.
 */
public interface DialogService {

    /** Tells the user that something went wrong: {@code header} says what, {@code message} what to do. */
    void showError(String title, String header, String message);

    /** Tells the user something that needs no decision. */
    void showInformation(String title, String header, String message);
}

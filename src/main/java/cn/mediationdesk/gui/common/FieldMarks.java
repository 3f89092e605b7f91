package cn.mediationdesk.gui.common;

import atlantafx.base.theme.Styles;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.AccessibleAttribute;
import javafx.scene.Node;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;

/**
 * How every form marks its fields: a required field's caption carries a red asterisk from the start
 * (before anyone tries to save), and a field whose rule is broken is outlined in the danger colour
 * with its message under it, both gone as soon as the message is (see {@link FieldMessages}).
 */
public final class FieldMarks {
    private FieldMarks() {
    }

    /**
     * Marks {@code caption} as the caption of a required field.
     *
     * @param requiredText what the asterisk means, for its tooltip and screen readers ("必填")
     */
    public static <T extends Labeled> T required(T caption, String requiredText) {
        Label star = new Label("*");
        star.getStyleClass().addAll(Styles.DANGER, "required-mark");
        star.setTooltip(new Tooltip(requiredText));
        star.setAccessibleText(requiredText);
        caption.setGraphic(star);
        caption.setContentDisplay(ContentDisplay.RIGHT);
        caption.setGraphicTextGap(2);
        caption.getStyleClass().add("required");
        caption.setAccessibleHelp(requiredText);
        caption.notifyAccessibleAttributeChanged(AccessibleAttribute.HELP);
        return caption;
    }

    /** A rule's message in the danger colour, all its lines; takes no room while there is none. */
    public static Label message(ObservableStringValue text, String... styles) {
        Label message = new Label();
        message.getStyleClass().add(Styles.DANGER);
        message.getStyleClass().addAll(styles);
        message.setWrapText(true);
        message.setMinHeight(Region.USE_PREF_SIZE);
        message.textProperty().bind(text);
        message.visibleProperty().bind(message.textProperty().isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());
        return message;
    }

    /** Outlines {@code input} in the danger colour while {@code message} says something, so the eye finds it first. */
    public static void flag(Node input, ObservableStringValue message) {
        input.pseudoClassStateChanged(Styles.STATE_DANGER, message.get() != null && !message.get().isEmpty());
        message.addListener((obs, old, now) -> input.pseudoClassStateChanged(Styles.STATE_DANGER,
                now != null && !now.isEmpty()));
    }
}

package cn.mediationdesk.gui.common;

import atlantafx.base.theme.Tweaks;
import javafx.scene.Node;
import javafx.scene.control.ScrollPane;

/** Content that fills its place where it fits and scrolls where the window is smaller than it needs. */
public final class Scrolling {
    private Scrolling() {
    }

    private static final String FITS_ITSELF = "mediationdesk.fitsItself";

    /**
     * Marks a screen that fits any window by itself (its table scrolls and gives way), so that
     * {@link #unlessFitting} leaves it as it is: keys and clicks then reach its table unchanged.
     */
    public static <T extends Node> T fitsItself(T screen) {
        screen.getProperties().put(FITS_ITSELF, Boolean.TRUE);
        return screen;
    }

    /** {@link #fitted} for a screen, unless it {@linkplain #fitsItself fits by itself}. */
    public static Node unlessFitting(Node screen) {
        return Boolean.TRUE.equals(screen.getProperties().get(FITS_ITSELF)) ? screen : fitted(screen);
    }

    /**
     * {@code content} as wide and tall as the room there is, but never smaller than its own
     * minimum: below that it scrolls, instead of being cut or squeezed until its text overlaps.
     */
    public static ScrollPane fitted(Node content) {
        ScrollPane scroll = new Unfocusable(content);
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        scroll.setFocusTraversable(false);
        scroll.getStyleClass().add(Tweaks.EDGE_TO_EDGE);
        return scroll;
    }

    /**
     * A scroll pane never takes the focus: a plain one takes it on every click inside, from the
     * table or field just clicked, and Enter on a ledger row would then open nothing.
     */
    private static final class Unfocusable extends ScrollPane {
        Unfocusable(Node content) {
            super(content);
        }

        @Override
        public void requestFocus() {
            // the focus stays where the user clicked
        }
    }

    /** {@code content} as wide as the room there is, scrolling up and down only (a form, a list of cards). */
    public static ScrollPane vertical(Node content) {
        ScrollPane scroll = fitted(content);
        scroll.setFitToHeight(false);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        return scroll;
    }
}

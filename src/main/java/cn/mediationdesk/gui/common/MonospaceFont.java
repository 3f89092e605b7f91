package cn.mediationdesk.gui.common;

import javafx.scene.text.Font;

import java.util.List;

/**
 * A monospaced font this computer has, for codes a person copies by hand (the recovery code): JavaFX
 * CSS takes one family, not a list to fall back through, so the choice is made here.
 */
public final class MonospaceFont {
    private static final List<String> PREFERRED = List.of("Consolas", "Cascadia Mono", "DejaVu Sans Mono",
            "Liberation Mono", "Menlo", "Courier New");

    private MonospaceFont() {
    }

    public static String family() {
        List<String> installed = Font.getFamilies();
        return PREFERRED.stream().filter(installed::contains).findFirst().orElse("Monospaced");
    }

    /** An inline style: the family, its size in pixels, bold when asked. */
    public static String style(int size, boolean bold) {
        return "-fx-font-family: '" + family() + "'; -fx-font-size: " + size + "px;"
                + (bold ? " -fx-font-weight: bold;" : "");
    }
}

package cn.mediationdesk.gui.print;

import java.util.concurrent.Callable;

/**
 * Opens a print preview. {@code printout} reads what is to be printed; it runs in the background,
 * so it may read the database.
 */
@FunctionalInterface
public interface PrintPreviews {
    void open(String title, Callable<Printout> printout);
}

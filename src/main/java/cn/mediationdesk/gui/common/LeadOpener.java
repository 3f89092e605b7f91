package cn.mediationdesk.gui.common;

import java.util.UUID;

/**
 * Opens the lead editor, from wherever a lead is listed (ledger, dashboard lists). Screens get an
 * implementation handed in, so they do not depend on the editor's window and tests can record calls.
 */
public interface LeadOpener {
    /** Opens an existing lead. */
    void open(UUID leadId);

    /** Opens the editor on a new, empty lead. */
    void openNew();
}

package cn.mediationdesk.gui.data;

/** The steps of the ledger import wizard, in order. */
public enum ImportStep {
    /** Choose the file, its encoding, and whether missing communities and committees are created. */
    CHOOSE_FILE,
    /** Only for a file in an office's own layout: which of our columns and values its columns and words are. */
    MAP_COLUMNS,
    /** The first rows as the file will be read, and which columns were recognised. */
    PREVIEW,
    /** Every row checked (a dry run): each problem with its row and column, or what the import will do. */
    CHECK,
    /** Importing, then what was imported. */
    IMPORT
}

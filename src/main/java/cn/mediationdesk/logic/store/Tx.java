package cn.mediationdesk.logic.store;

/** The repositories of one open transaction. */
public interface Tx {
    LeadRepository leads();

    OrganizationRepository organization();

    DictionaryRepository dictionaries();

    SettingsRepository settings();

    TallyRepository tally();

    /** The statistics-table figures: the tally engine's second statement. */
    StatisticsRepository statistics();

    LedgerExportRepository ledgerExport();

    LeadSearchRepository search();

    UserRepository users();
}

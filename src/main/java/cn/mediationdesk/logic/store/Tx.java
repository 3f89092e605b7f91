package cn.mediationdesk.logic.store;

/** The repositories of one open transaction. */
public interface Tx {
    LeadRepository leads();
    /** The parts of a case the official forms add: agents, case record, referrals, file cover, 防止 outcomes. */
    CaseFileRepository caseFiles();

    /** The scans and photos attached to leads, with their bytes. */
    AttachmentRepository attachments();

    OrganizationRepository organization();

    DictionaryRepository dictionaries();

    SettingsRepository settings();

    TallyRepository tally();

    /** The statistics-table figures: the tally engine's second statement. */
    StatisticsRepository statistics();

    LedgerExportRepository ledgerExport();

    LeadSearchRepository search();

    UserRepository users();

    AuditRepository audit();

    /** Exchange packages: this installation's keys, senders, received packages, conflicts. */
    ExchangeRepository exchange();

    /** The dated facts the agenda is computed from (issue 11). */
    AgendaRepository agenda();
    /** Saved column mappings of ledger imports in an office's own layout. */
    ImportProfileRepository importProfiles();
    /** The committees' screening register and signed monthly reports. */
    MonthlyRepository monthly();

    /** The accounts' own logins on a PostgreSQL server (nothing on H2). */
    DatabaseAccounts databaseAccounts();

    /** Earlier leads sharing a party, and the people and addresses with the most leads (矛盾反复). */
    RepeatRepository repeats();

    /** Synthetic leads written in bulk (the {@code generate} command). */
    GeneratedLeadWriter generatedLeads();

    /**
     * Runs {@code action} once the transaction has committed, and never if it rolls back: for work
     * outside the database that must follow only what was really written (the audit trail's head
     * file). A failing action is logged; it cannot undo the commit.
     */
    void afterCommit(Runnable action);
}

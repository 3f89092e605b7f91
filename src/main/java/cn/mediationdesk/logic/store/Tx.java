package cn.mediationdesk.logic.store;

/** The repositories of one open transaction. */
public interface Tx {
    LeadRepository leads();

    OrganizationRepository organization();

    DictionaryRepository dictionaries();

    SettingsRepository settings();

    TallyRepository tally();

    LeadSearchRepository search();

    UserRepository users();
}

package cn.mediationdesk.logic.agenda;

import cn.mediationdesk.logic.store.SettingsRepository;

/**
 * The agenda's settings kept in the database, so that every PC sharing it warns alike.
 *
 * @param warnDays     how many days before a case's time limit it is listed
 * @param followUpDays how many days after a resolved case closed its follow-up visit is due
 */
public record AgendaSettings(int warnDays, int followUpDays) {
    public static final String WARN_DAYS = "reminder.warn_days";
    public static final String FOLLOW_UP_DAYS = "reminder.follow_up_days";
    public static final int DEFAULT_WARN_DAYS = 5;
    public static final int DEFAULT_FOLLOW_UP_DAYS = 15;
    public static final int MIN_WARN_DAYS = 0;
    public static final int MAX_WARN_DAYS = 60;
    public static final int MIN_FOLLOW_UP_DAYS = 1;
    public static final int MAX_FOLLOW_UP_DAYS = 365;

    public static AgendaSettings load(SettingsRepository settings) {
        return new AgendaSettings(
                settings.get(WARN_DAYS).map(Integer::parseInt).orElse(DEFAULT_WARN_DAYS),
                settings.get(FOLLOW_UP_DAYS).map(Integer::parseInt).orElse(DEFAULT_FOLLOW_UP_DAYS));
    }
}

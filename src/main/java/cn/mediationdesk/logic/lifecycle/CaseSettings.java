package cn.mediationdesk.logic.lifecycle;

import cn.mediationdesk.logic.store.SettingsRepository;

/** The case settings kept in the database, so that every PC sharing it numbers and times alike. */
public record CaseSettings(int timeLimitDays, CaseNumberFormat numberFormat) {
    public static final String TIME_LIMIT_DAYS = "case.time_limit_days";
    public static final String NUMBER_PATTERN = "case.number_pattern";
    /** 《人民调解工作若干规定》: "一般在一个月内调结". */
    public static final int DEFAULT_TIME_LIMIT_DAYS = 30;

    public static CaseSettings load(SettingsRepository settings) {
        int days = settings.get(TIME_LIMIT_DAYS).map(Integer::parseInt).orElse(DEFAULT_TIME_LIMIT_DAYS);
        String pattern = settings.get(NUMBER_PATTERN).orElse(CaseNumberFormat.DEFAULT_PATTERN);
        return new CaseSettings(days, new CaseNumberFormat(pattern));
    }
}

package cn.mediationdesk.model;

/** The dictionaries of DESIGN §3 that are kept as data and may grow. */
public enum DictionaryKind {
    DISPUTE_TYPE, LEAD_SOURCE, RISK_LEVEL, SOURCE_GROUP, VERIFICATION_RESULT, OUTCOME
}

package cn.mediationdesk.model;

/** How far an agreement was carried out, as found on a follow-up visit. */
public enum Performance {
    PERFORMED, PARTLY, NOT_PERFORMED
}

package cn.mediationdesk.model;

/** The dated events of a lead's life, kept so that any past day's state can be rebuilt. */
public enum TransitionKind {
    FOUND, VERIFIED, ACCEPTED, DECLINED, EXTENDED, CLOSED, CORRECTED
}

package cn.mediationdesk.logic.repeat;

/** How a party of an earlier lead was recognised as a party of this one. */
public enum MatchKind {
    /** The same ID-card number. */
    ID_NUMBER,
    /** The same phone number, written with or without spaces and dashes. */
    PHONE,
    /** The same name at the same address. */
    NAME_ADDRESS
}

package cn.mediationdesk.model;

/** A party's side in the dispute: 申请人, 被申请人, or another party (第三人 and the like). */
public enum PartyRole {
    APPLICANT, RESPONDENT, OTHER
}

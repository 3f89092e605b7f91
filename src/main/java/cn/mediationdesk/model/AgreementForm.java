package cn.mediationdesk.model;

/** 书面 or 口头: a written agreement is printed and signed, an oral one is recorded. */
public enum AgreementForm {
    WRITTEN, ORAL
}

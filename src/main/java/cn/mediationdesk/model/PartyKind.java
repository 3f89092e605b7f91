package cn.mediationdesk.model;

/** What a party is, as the official forms tell them apart: a natural person, a legal person, or another organization. */
public enum PartyKind {
    /** 自然人: name, gender, 民族, birth date or age, 职业或职务, 单位或住址, ID number */
    PERSON,
    /** 法人: name, unified social credit code, legal representative */
    LEGAL_PERSON,
    /** 非法人组织 (other organization): name, unified social credit code, its responsible person */
    ORGANIZATION
}

package cn.mediationdesk.model;

public enum Gender {
    MALE, FEMALE
}

package cn.mediationdesk.model;

public enum Satisfaction {
    SATISFIED, NEUTRAL, DISSATISFIED
}

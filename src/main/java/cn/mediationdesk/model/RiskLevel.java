package cn.mediationdesk.model;

/** The four-colour risk scale of DESIGN §3; {@link #BLUE} is the default. */
public enum RiskLevel {
    BLUE, YELLOW, ORANGE, RED;

    public static final RiskLevel DEFAULT = BLUE;
}

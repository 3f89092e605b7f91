package cn.mediationdesk.model;

/** What a user may do (DESIGN §9). The services check it; screens only reflect it. */
public enum Role {
    /** 管理员: everything, including users and the case settings. */
    ADMIN,
    /** 调委会主任: their own committee's cases and documents. */
    DIRECTOR,
    /** 调解员: their own committee's leads and cases. */
    MEDIATOR,
    /** 领导: aggregate summaries only, never parties' personal data. */
    VIEWER;

    /** Whether this role needs a committee of its own. */
    public boolean belongsToACommittee() {
        return this == DIRECTOR || this == MEDIATOR;
    }
}

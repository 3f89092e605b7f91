package cn.mediationdesk.logic.audit;

import java.util.Arrays;
import java.util.Optional;

/**
 * What an audit entry records was done: the one vocabulary of the trail. The code is what is
 * stored (and chained), so a code never changes meaning; screens name each action in words.
 */
public enum AuditAction {
    LEAD_REGISTER("lead.register"),
    LEAD_UPDATE("lead.update"),
    LEAD_VERIFICATION_STEP("lead.verificationStep"),
    LEAD_VERIFY("lead.verify"),
    LEAD_ACCEPT("lead.accept"),
    LEAD_DECLINE("lead.decline"),
    LEAD_SESSION("lead.session"),
    LEAD_EXTEND("lead.extend"),
    LEAD_CLOSE("lead.close"),
    LEAD_FOLLOW_UP("lead.followUp"),
    LEAD_JUDICIAL_CONFIRMATION("lead.judicialConfirmation"),
    LEAD_CORRECT("lead.correct"),
    // the case file (issue 10)
    LEAD_CASE_RECORD("lead.caseRecord"),
    LEAD_MEDIATORS("lead.mediators"),
    LEAD_REFERRAL("lead.referral"),
    // attachments (issue 10)
    LEAD_ATTACHMENT_ADD("lead.attachmentAdd"),
    LEAD_ATTACHMENT_CHANGE("lead.attachmentChange"),
    LEAD_ATTACHMENT_REMOVE("lead.attachmentRemove"),
    /** What the 立卷人 wrote on the 卷宗: cover, 结案报告, 卷宗情况说明, 备考表 (issue 10). */
    LEAD_CASE_FILE("lead.caseFile"),
    // planned sessions (issue 11)
    LEAD_SESSION_PLAN("lead.sessionPlan"),
    LEAD_SESSION_PLAN_CANCEL("lead.sessionPlanCancel"),
    // repeat disputes and risk history (issue 11)
    LEAD_REASSESS("lead.reassess"),
    LEAD_RECURRENCE("lead.recurrence"),
    LEAD_REOPEN("lead.reopen"),
    IMPORT_ADD("import.add"),
    IMPORT_UPDATE("import.update"),
    IMPORT_COMMUNITY("import.community"),
    IMPORT_COMMITTEE("import.committee"),
    IMPORT_GRID("import.grid"),
    ACCOUNT_FIRST_ADMIN("account.firstAdmin"),
    ACCOUNT_ADD("account.add"),
    ACCOUNT_UPDATE("account.update"),
    ACCOUNT_RESET_PASSWORD("account.resetPassword"),
    ACCOUNT_CHANGE_PASSWORD("account.changePassword"),
    ACCOUNT_DISABLE("account.disable"),
    ACCOUNT_ENABLE("account.enable"),
    ACCOUNT_UNLOCK("account.unlock"),
    JURISDICTION_CREATE("jurisdiction.create"),
    COMMUNITY_CREATE("community.create"),
    COMMUNITY_UPDATE("community.update"),
    COMMUNITY_ACTIVE("community.active"),
    COMMITTEE_CREATE("committee.create"),
    COMMITTEE_UPDATE("committee.update"),
    COMMITTEE_ACTIVE("committee.active"),
    GRID_CREATE("grid.create"),
    GRID_UPDATE("grid.update"),
    GRID_ACTIVE("grid.active"),
    PERSON_CREATE("person.create"),
    PERSON_UPDATE("person.update"),
    PERSON_ACTIVE("person.active"),
    SETTINGS_CHANGE("settings.change"),
    PRINT_FULL_DATA("print.fullData"),
    DATABASE_BACKUP("database.backup"),
    DATABASE_RESTORE("database.restore"),
    KEY_SHOW("databaseKey.show"),
    // exchange packages between offices (issue 9)
    PACKAGE_EXPORT("package.export"),
    PACKAGE_IMPORT("package.import"),
    PACKAGE_LEAD_ADD("package.leadAdd"),
    PACKAGE_LEAD_REPLACE("package.leadReplace"),
    PACKAGE_ORGANIZATION("package.organization"),
    PACKAGE_TRUST_KEY("package.trustKey"),
    PACKAGE_OFFICE_KEY("package.officeKey"),
    PACKAGE_CONFLICT_REVIEWED("package.conflictReviewed"),
    // sharing on the LAN (issue 9)
    LAN_SHARE_START("lanShare.start"),
    LAN_SHARE_PASSWORD("lanShare.password");

    private final String code;

    AuditAction(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** The action an entry's code names; empty for a code this version does not know. */
    public static Optional<AuditAction> of(String code) {
        return Arrays.stream(values()).filter(a -> a.code.equals(code)).findFirst();
    }
}

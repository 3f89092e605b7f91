package cn.mediationdesk.gui.main;

/** The screens the left navigation leads to; each has a label under {@code gui.nav.<name>}. */
public enum NavigationEntry {
    /** 首页: the year's figures, the cases that need attention, the year by month. Shown first. */
    DASHBOARD,
    /** 议程: what falls due for the committee in the coming days and what is late, each item opening its lead. */
    AGENDA,
    /** 线索台账: every lead, filtered, sorted and paged by the database. */
    LEDGER,
    /** 统计汇总: the tallies of DESIGN §5. */
    SUMMARIES,
    /** 月报与排查: a committee's screening rounds (排查登记) and its monthly report (月报, 零报告). */
    MONTHLY,
    /** 卷宗检查: the closed cases of a period whose 卷宗 still lacks something, each opening its lead. */
    CASE_FILES,
    /** 矛盾反复: the people and addresses with the most leads in a period, each listing its leads. */
    REPEATS,
    /** 组织机构: communities, grids, committees and people. */
    ORGANIZATION,
    /** 数据: where the database is, and the ledger import. */
    DATA,
    /** 用户: the accounts (administrators only). */
    USERS,
    /** 审计日志: who changed what, a lead's history, the chain's check (administrators and directors). */
    AUDIT,
    /** 设置: language, the overdue time limit, the case-number format, the user's password. */
    SETTINGS;

    public String labelKey() {
        return "gui.nav." + name();
    }
}

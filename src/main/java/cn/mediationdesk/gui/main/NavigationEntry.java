package cn.mediationdesk.gui.main;

/** The screens the left navigation leads to; each has a label under {@code gui.nav.<name>}. */
public enum NavigationEntry {
    /** 统计汇总: the tallies of DESIGN §5. */
    SUMMARIES;

    public String labelKey() {
        return "gui.nav." + name();
    }
}

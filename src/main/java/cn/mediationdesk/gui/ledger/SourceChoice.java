package cn.mediationdesk.gui.ledger;

/** A choice of the source filter: one source, or a whole statistical group of sources (主动 / 申请 / 委托移送). */
public record SourceChoice(String sourceCode, String groupCode) {
    public static SourceChoice source(String code) {
        return new SourceChoice(code, null);
    }

    public static SourceChoice group(String code) {
        return new SourceChoice(null, code);
    }
}

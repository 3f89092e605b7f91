package cn.mediationdesk.logic.ledger;

import cn.mediationdesk.model.Problem.Field;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The columns of a ledger file (DESIGN §8): the Chinese header, its English alias, and the field each fills. */
public enum LedgerColumn {
    LEAD_NO("线索编号", "lead_no", false, Field.LEAD_NO),
    FOUND_ON("发现日期", "found_on", true, Field.FOUND_ON),
    SOURCE("线索来源", "source", true, Field.SOURCE),
    COMMUNITY("社区", "community", true, Field.COMMUNITY),
    GRID("网格", "grid", false, Field.GRID),
    COMMITTEE("调委会", "committee", true, Field.COMMITTEE),
    DISPUTE_TYPE("纠纷类型", "dispute_type", true, Field.DISPUTE_TYPE),
    SUMMARY("简要情况", "summary", true, Field.SUMMARY),
    PARTIES("当事人", "parties", false, Field.PARTIES),
    PEOPLE("涉及人数", "people", false, Field.PEOPLE),
    AMOUNT("涉及金额", "amount", false, Field.AMOUNT),
    RISK("风险等级", "risk", false, Field.RISK),
    VERIFIED_ON("核实日期", "verified_on", false, Field.VERIFIED_ON),
    VERIFICATION("核实结果", "verification", false, Field.VERIFICATION),
    ACCEPTED_ON("受理日期", "accepted_on", false, Field.ACCEPTED_ON),
    OUTCOME("调解结果", "outcome", false, Field.OUTCOME),
    CLOSED_ON("办结日期", "closed_on", false, Field.CLOSED_ON),
    AGREEMENT_FORM("协议形式", "agreement_form", false, Field.AGREEMENT_FORM),
    DUPLICATE_OF("重复线索编号", "duplicate_of", false, Field.DUPLICATE_OF),
    TRANSFERRED_TO("移交单位", "transferred_to", false, Field.TRANSFERRED_TO),
    // A party's refusal of a genuine lead (人民调解法 Art. 17), so that an exported ledger imports unchanged (issue 9)
    DECLINED_ON("拒绝调解日期", "declined_on", false, Field.DECLINED_ON),
    DECLINED_BY("拒绝调解方", "declined_by", false, Field.DECLINED_BY);

    private final String header;
    private final String alias;
    private final boolean required;
    private final Field field;

    LedgerColumn(String header, String alias, boolean required, Field field) {
        this.header = header;
        this.alias = alias;
        this.required = required;
        this.field = field;
    }

    /** The Chinese header, as the contract names the column. */
    public String header() {
        return header;
    }

    public String alias() {
        return alias;
    }

    public boolean required() {
        return required;
    }

    public Field field() {
        return field;
    }

    /** The column a header cell names: its Chinese name, or its alias in any case; surrounding blanks ignored. */
    public static Optional<LedgerColumn> byHeader(String text) {
        String key = text.strip();
        return Arrays.stream(values())
                .filter(c -> c.header.equals(key) || c.alias.equals(key.toLowerCase(Locale.ROOT)))
                .findFirst();
    }

    /** The column that holds a field, if any: a rule's problem is shown at that column. */
    public static Optional<LedgerColumn> of(Field field) {
        return Arrays.stream(values()).filter(c -> c.field == field).findFirst();
    }
}

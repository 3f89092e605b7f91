package cn.mediationdesk.logic.ledger;

import cn.mediationdesk.model.DictionaryEntry;
import cn.mediationdesk.model.DictionaryKind;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Proposes how an office's own ledger reads as ours: our column for each of their headers, from the
 * words offices commonly use, and our code for each of their values in a coded column. What it
 * does not recognize is left for the user; our own headers are recognized as always.
 */
public final class HeaderSuggestions {
    /** Units and notes in brackets after a header ("调解协议金（元）") say nothing about the column. */
    private static final Pattern BRACKETED = Pattern.compile("[（(【\\[].*?[）)】\\]]");
    private static final Pattern BLANKS = Pattern.compile("[\\s　]+");

    private static final Map<String, LedgerColumn> HEADERS = new LinkedHashMap<>();
    private static final Map<LedgerColumn, Map<String, String>> VALUES = new EnumMap<>(LedgerColumn.class);

    static {
        headers(LedgerColumn.LEAD_NO, "编号", "案件编号", "登记编号", "纠纷编号", "案号", "卷宗号");
        headers(LedgerColumn.FOUND_ON, "发现时间", "发现日期", "排查时间", "排查日期", "摸排时间", "上报时间", "上报日期");
        headers(LedgerColumn.ACCEPTED_ON, "受理时间", "受理日期", "登记时间", "登记日期", "申请时间", "申请日期", "调解日期");
        headers(LedgerColumn.SOURCE, "来源", "线索来源", "纠纷来源", "案件来源", "案源");
        headers(LedgerColumn.COMMUNITY, "社区", "所属社区", "所在社区", "村居", "村社区", "村（社区）", "所属村居");
        headers(LedgerColumn.GRID, "所属网格", "网格名称");
        headers(LedgerColumn.COMMITTEE, "调委会", "调解组织", "调解委员会", "人民调解委员会", "所属调委会", "调解组织名称");
        headers(LedgerColumn.DISPUTE_TYPE, "纠纷类别", "事件类别", "纠纷类型", "案件类别", "案件类型", "纠纷种类", "矛盾类型");
        headers(LedgerColumn.SUMMARY, "事件简述", "纠纷简要情况", "基本情况", "简要案情", "纠纷概况", "案情简介",
                "主要事实", "纠纷事由", "纠纷内容", "事由", "简要情况");
        headers(LedgerColumn.PARTIES, "当事人", "当事人姓名", "双方当事人", "申请人", "被申请人");
        headers(LedgerColumn.PEOPLE, "人数", "涉及人数", "涉及人员", "涉及人员数");
        headers(LedgerColumn.AMOUNT, "调解协议金", "协议金额", "涉及金额", "涉案金额", "标的额", "协议履行金额", "金额");
        headers(LedgerColumn.RISK, "风险等级", "风险级别", "预警等级", "风险");
        headers(LedgerColumn.VERIFIED_ON, "核实时间", "核实日期");
        headers(LedgerColumn.VERIFICATION, "核实结果", "核实情况");
        headers(LedgerColumn.OUTCOME, "调解结果", "处理结果", "调处结果", "办理结果", "调解情况", "化解情况", "结果");
        headers(LedgerColumn.CLOSED_ON, "办结时间", "办结日期", "结案日期", "结案时间", "调结时间", "调结日期", "化解时间");
        headers(LedgerColumn.AGREEMENT_FORM, "协议形式", "协议方式", "协议类型");

        values(LedgerColumn.OUTCOME, "RESOLVED", "已化解", "化解", "调解成功", "成功", "达成协议", "已调解", "调结");
        values(LedgerColumn.OUTCOME, "FAILED", "未化解", "调解不成", "调解不成功", "调解失败", "失败", "未达成协议");
        values(LedgerColumn.OUTCOME, "TERMINATED", "终止", "终止调解", "已终止");
        values(LedgerColumn.VERIFICATION, "GENUINE", "属实", "情况属实", "是");
        values(LedgerColumn.VERIFICATION, "UNFOUNDED", "不属实", "情况不属实", "否");
        values(LedgerColumn.VERIFICATION, "DUPLICATE", "重复", "重复线索");
        values(LedgerColumn.VERIFICATION, "TRANSFERRED", "移交", "已移交", "转办");
        values(LedgerColumn.RISK, "BLUE", "蓝色", "低", "低风险", "一般");
        values(LedgerColumn.RISK, "YELLOW", "黄色", "中", "中风险", "较大");
        values(LedgerColumn.RISK, "ORANGE", "橙色", "较高", "高风险");
        values(LedgerColumn.RISK, "RED", "红色", "高", "重大");
        values(LedgerColumn.AGREEMENT_FORM, "WRITTEN", "书面协议", "书面调解协议");
        values(LedgerColumn.AGREEMENT_FORM, "ORAL", "口头协议", "口头调解协议");
    }

    /** The columns whose cells are codes of a dictionary, and which dictionary. */
    private static final Map<LedgerColumn, DictionaryKind> DICTIONARIES = Map.of(
            LedgerColumn.SOURCE, DictionaryKind.LEAD_SOURCE,
            LedgerColumn.DISPUTE_TYPE, DictionaryKind.DISPUTE_TYPE,
            LedgerColumn.RISK, DictionaryKind.RISK_LEVEL,
            LedgerColumn.VERIFICATION, DictionaryKind.VERIFICATION_RESULT,
            LedgerColumn.OUTCOME, DictionaryKind.OUTCOME);

    /** The columns whose values are codes, names or fixed words, for which a value map makes sense. */
    public static final Set<LedgerColumn> CODED = EnumSet.of(LedgerColumn.SOURCE, LedgerColumn.COMMUNITY,
            LedgerColumn.COMMITTEE, LedgerColumn.DISPUTE_TYPE, LedgerColumn.RISK, LedgerColumn.VERIFICATION,
            LedgerColumn.OUTCOME, LedgerColumn.AGREEMENT_FORM);

    private HeaderSuggestions() {
    }

    private static void headers(LedgerColumn column, String... words) {
        for (String word : words) {
            HEADERS.put(normalized(word), column);
        }
    }

    private static void values(LedgerColumn column, String code, String... words) {
        Map<String, String> map = VALUES.computeIfAbsent(column, c -> new LinkedHashMap<>());
        for (String word : words) {
            map.put(word, code);
        }
    }

    private static String normalized(String header) {
        return BLANKS.matcher(BRACKETED.matcher(header).replaceAll("")).replaceAll("").toLowerCase(Locale.ROOT);
    }

    /** The dictionary a coded column's values come from, if it is one (community, committee and agreement form are not). */
    public static Optional<DictionaryKind> dictionaryOf(LedgerColumn column) {
        return Optional.ofNullable(DICTIONARIES.get(column));
    }

    /** Our column a header of theirs most likely is: our own names first, then the common office words. */
    public static Optional<LedgerColumn> column(String header) {
        return LedgerColumn.byHeader(header).or(() -> {
            String key = normalized(header);
            return key.isEmpty() ? Optional.empty() : Optional.ofNullable(HEADERS.get(key));
        });
    }

    /**
     * A whole proposal for a file's headers. Each of our columns is fed by the first header that
     * names it; the rest are left unmapped for the user. A ledger of mediated cases commonly has
     * only an acceptance date and no verification columns: its acceptance date then also feeds the
     * found and verified dates, and every row is taken as verified 属实 (a case is only accepted
     * after that, DESIGN §4).
     */
    public static ColumnMapping propose(List<String> headers) {
        Map<String, List<LedgerColumn>> columns = new LinkedHashMap<>();
        Set<LedgerColumn> fed = EnumSet.noneOf(LedgerColumn.class);
        String accepted = null;
        for (String h : headers) {
            String header = h.strip();
            if (header.isEmpty() || columns.containsKey(header)) {
                continue;
            }
            Optional<LedgerColumn> column = column(header);
            if (column.isPresent() && fed.add(column.get())) {
                columns.put(header, new ArrayList<>(List.of(column.get())));
                if (column.get() == LedgerColumn.ACCEPTED_ON) {
                    accepted = header;
                }
            }
        }
        Map<LedgerColumn, String> fixed = new EnumMap<>(LedgerColumn.class);
        if (accepted != null) {
            if (!fed.contains(LedgerColumn.FOUND_ON)) {
                columns.get(accepted).add(LedgerColumn.FOUND_ON);
            }
            if (!fed.contains(LedgerColumn.VERIFICATION) && !fed.contains(LedgerColumn.VERIFIED_ON)) {
                columns.get(accepted).add(LedgerColumn.VERIFIED_ON);
                fixed.put(LedgerColumn.VERIFICATION, "GENUINE");
            }
        }
        return new ColumnMapping(columns, fixed, Map.of());
    }

    /**
     * Our value for one of theirs in a coded column: the dictionary's own label or code, a common
     * office word, or the one dictionary label their value contains or is contained in ("邻里纠纷" → 邻里).
     *
     * @param entries the column's dictionary, or an empty list for a column without one
     * @return our code, or empty when nothing fits (or several do)
     */
    public static Optional<String> value(LedgerColumn column, String theirs, List<DictionaryEntry> entries) {
        String word = theirs.strip();
        if (word.isEmpty()) {
            return Optional.empty();
        }
        for (DictionaryEntry entry : entries) {
            if (entry.nameZh().equals(word) || entry.code().equalsIgnoreCase(word)
                    || entry.nameEn().equalsIgnoreCase(word)) {
                return Optional.of(entry.code());
            }
        }
        String common = VALUES.getOrDefault(column, Map.of()).get(word);
        if (common != null) {
            return Optional.of(common);
        }
        List<DictionaryEntry> near = entries.stream()
                .filter(e -> e.nameZh().length() > 1 && (word.contains(e.nameZh()) || e.nameZh().contains(word)))
                .sorted(Comparator.comparingInt((DictionaryEntry e) -> e.nameZh().length()).reversed())
                .toList();
        if (near.size() == 1 || near.size() > 1 && near.get(0).nameZh().length() > near.get(1).nameZh().length()) {
            return Optional.of(near.getFirst().code());
        }
        return Optional.empty();
    }
}

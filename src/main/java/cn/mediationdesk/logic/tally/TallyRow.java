package cn.mediationdesk.logic.tally;

/** One group of a summary: its code, its Chinese and English names, and its counts. */
public record TallyRow(String code, String nameZh, String nameEn, TallyCounts counts) {
    public static final String TOTAL_CODE = "TOTAL";

    public String name(boolean chinese) {
        return chinese ? nameZh : nameEn;
    }
}

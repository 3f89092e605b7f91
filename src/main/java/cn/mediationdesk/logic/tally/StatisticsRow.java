package cn.mediationdesk.logic.tally;

/** One dispute type of the statistics table (or the total): its code, names and figures. */
public record StatisticsRow(String code, String nameZh, String nameEn, StatisticsCounts counts) {
    public String name(boolean chinese) {
        return chinese ? nameZh : nameEn;
    }
}

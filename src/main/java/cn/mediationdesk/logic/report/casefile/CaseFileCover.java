package cn.mediationdesk.logic.report.casefile;

import cn.mediationdesk.model.Outcome;
import cn.mediationdesk.model.Retention;

import java.time.LocalDate;
import java.util.List;

/**
 * The cover of the case file (卷宗). A field not filled in is {@code null} and leaves its line to be
 * filled in by hand.
 *
 * @param title      卷名 as the 立卷人 wrote it, or {@code null} for one made from the parties and the type
 * @param acceptedOn the first day of 调解日期
 * @param closedOn   the last day of 调解日期
 * @param filedBy    立卷人
 * @param filedOn    立卷日期
 * @param retention  保管期限
 */
public record CaseFileCover(CaseHeader header, String title, List<DocumentParty> parties, String typeZh,
                            String typeEn, List<String> mediators, LocalDate acceptedOn, LocalDate closedOn,
                            Outcome outcome, String filedBy, LocalDate filedOn, Retention retention) {
    public CaseFileCover {
        parties = List.copyOf(parties);
        mediators = List.copyOf(mediators);
    }

    public String typeLabel(boolean chinese) {
        return chinese ? typeZh : typeEn;
    }
}

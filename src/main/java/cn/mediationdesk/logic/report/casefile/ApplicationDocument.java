package cn.mediationdesk.logic.report.casefile;

import java.time.LocalDate;
import java.util.List;

/**
 * 人民调解申请书: the parties' written application, for a case that came from one.
 *
 * @param appliedOn the day of the application, or {@code null} for a line to date by hand
 * @param requests  申请事项, empty when not recorded
 * @param reasons   事实和理由: the dispute as registered
 */
public record ApplicationDocument(CaseHeader header, List<DocumentParty> parties, LocalDate appliedOn,
                                  String requests, String reasons) {
    public ApplicationDocument {
        parties = List.copyOf(parties);
    }
}

package cn.mediationdesk.logic.report.casefile;

import cn.mediationdesk.model.AgreementForm;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * 人民调解协议书 with what 人民调解法 Art. 29 and 若干规定 Art. 35 ask of it: the parties' basic facts,
 * the dispute's main facts, the matters in dispute and each party's responsibility, the agreed terms
 * and how, where and by when they are performed; signed by the parties and the mediators and sealed
 * by the committee. An oral agreement (Art. 28) is printed as the 人民调解口头协议登记表. Texts not
 * recorded are empty.
 *
 * @param agreedOn the day the case closed with the agreement
 */
public record AgreementDocument(CaseHeader header, AgreementForm form, List<DocumentParty> parties, String typeZh,
                                String typeEn, String facts, String issues, String responsibility, String terms,
                                BigDecimal amount, String performanceWay, String performancePlace,
                                LocalDate performanceDeadline, LocalDate agreedOn, List<String> mediators) {
    public AgreementDocument {
        parties = List.copyOf(parties);
        mediators = List.copyOf(mediators);
    }

    public String typeLabel(boolean chinese) {
        return chinese ? typeZh : typeEn;
    }
}

package cn.mediationdesk.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The agreement of a resolved case (人民调解法 Art. 28–29, 若干规定 Art. 35): the main facts, the
 * matters in dispute and each party's responsibility, the terms agreed, and how, where and by when
 * they are performed. A written agreement needs its facts, issues and terms; an oral one is recorded
 * on the 口头协议登记表 with the same fields.
 */
public record Agreement(UUID leadId, AgreementForm form, String terms, BigDecimal amount,
                        LocalDate performanceDeadline, String facts, String issues, String responsibility,
                        String performanceWay, String performancePlace) {
    /** Only the form, terms, amount and deadline known (an imported ledger row). */
    public static Agreement brief(UUID leadId, AgreementForm form, String terms, BigDecimal amount,
                                  LocalDate performanceDeadline) {
        return new Agreement(leadId, form, terms, amount, performanceDeadline, null, null, null, null, null);
    }
}

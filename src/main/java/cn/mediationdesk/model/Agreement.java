package cn.mediationdesk.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** The agreement of a resolved case (人民调解法 Art. 28–29): its form, terms, money and deadline. */
public record Agreement(UUID leadId, AgreementForm form, String terms, BigDecimal amount,
                        LocalDate performanceDeadline) {
}

package cn.mediationdesk.logic.lifecycle;

import cn.mediationdesk.model.AgreementForm;

import java.math.BigDecimal;
import java.time.LocalDate;

/** The agreement a resolved case ends with. */
public record AgreementInput(AgreementForm form, String terms, BigDecimal amount, LocalDate performanceDeadline) {
}

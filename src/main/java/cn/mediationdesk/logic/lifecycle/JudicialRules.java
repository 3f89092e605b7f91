package cn.mediationdesk.logic.lifecycle;

import cn.mediationdesk.model.AgreementForm;
import cn.mediationdesk.model.Problem;
import cn.mediationdesk.model.Problem.Field;

import java.util.ArrayList;
import java.util.List;

/**
 * What a court will not confirm (法释〔2011〕5号 Art. 4 and 人民调解法 Art. 33): the parties may still
 * apply, so these are warnings shown before saving and returned with the saved application, never
 * errors that stop it.
 */
public final class JudicialRules {
    /** The dispute type under which identity, marriage and adoption matters are filed. */
    static final String MARRIAGE_FAMILY = "MARRIAGE_FAMILY";

    private JudicialRules() {
    }

    /**
     * The warnings for an application about a case of {@code disputeTypeCode} whose agreement has
     * {@code form} ({@code null} when unknown): a marriage or family dispute may be one of the
     * identity, marriage or adoption matters a court refuses to confirm, and a court confirms only
     * written agreements.
     */
    public static List<Problem> warnings(String disputeTypeCode, AgreementForm form) {
        List<Problem> warnings = new ArrayList<>();
        if (MARRIAGE_FAMILY.equals(disputeTypeCode)) {
            warnings.add(Problem.of(Field.DISPUTE_TYPE, "rule.judicial.warn.personalStatus"));
        }
        if (form == AgreementForm.ORAL) {
            warnings.add(Problem.of(Field.AGREEMENT_FORM, "rule.judicial.warn.oralAgreement"));
        }
        return List.copyOf(warnings);
    }
}

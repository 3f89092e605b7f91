package cn.mediationdesk.logic.lifecycle;

import cn.mediationdesk.model.ConsentWay;

import java.time.LocalDate;

/**
 * The parties' consent to mediation (人民调解法 Art. 17), which accepting a case in the app requires,
 * and the day they were given the 当事人权利义务告知书 ({@code null} when not given yet).
 *
 * @param consentOn      the day the parties agreed: not before the lead was found, not after its acceptance
 * @param way            how they agreed
 * @param rightsNoticeOn the day of the notice of rights and duties
 */
public record ConsentInput(LocalDate consentOn, ConsentWay way, LocalDate rightsNoticeOn) {
}

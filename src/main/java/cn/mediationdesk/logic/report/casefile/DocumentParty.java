package cn.mediationdesk.logic.report.casefile;

import cn.mediationdesk.model.Gender;
import cn.mediationdesk.model.PartyRole;

/**
 * A party as a case document prints it. {@code idNumber} and {@code phone} are already masked unless
 * the full data was asked for; either is empty when not recorded, as are {@code address} and a
 * {@code null} gender.
 */
public record DocumentParty(PartyRole role, String name, Gender gender, String idNumber, String phone,
                            String address) {
}

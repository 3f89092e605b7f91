package cn.mediationdesk.logic.lifecycle;

import cn.mediationdesk.model.Gender;
import cn.mediationdesk.model.PartyRole;

/** A party as entered: everything but the name may still be unknown. */
public record PartyInput(String name, Gender gender, String idNumber, String phone, String address,
                         PartyRole role) {
}

package cn.mediationdesk.model;

import java.util.UUID;

/** One party to a dispute. Personal fields are optional: a lead is often logged before they are known. */
public record Party(UUID id, UUID leadId, String name, Gender gender, String idNumber, String phone,
                    String address, PartyRole role, int position) {
}

package cn.mediationdesk.logic.ledger;

import cn.mediationdesk.model.PartyRole;

/** A party as a ledger names it: {@code 张某(申请人)}. */
record LedgerParty(String name, PartyRole role) {
}

package cn.mediationdesk.logic.store;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * The queries behind repeat disputes (矛盾反复): which other leads have a party with the same ID number,
 * phone or name, and whose people and addresses come back most often. Each query looks only at leads
 * found on or before a day (or in a period) and, when {@code committeeId} is given, of that committee.
 */
public interface RepeatRepository {
    /** A party of another lead that shares a value with a party of the lead being matched. */
    record PartyHit(UUID leadId, String name, String idNumber, String phone, String address) {
    }

    /** How many leads a person (an ID number, else a name at an address) or an address appears in. */
    record Count(String idNumber, String name, String address, int leads) {
    }

    /** Parties of leads other than {@code exclude}, found on or before {@code onOrBefore}, with one of these ID numbers. */
    List<PartyHit> byIdNumber(Collection<String> idNumbers, UUID exclude, LocalDate onOrBefore, Long committeeId);

    /** … with one of these phones, exactly as written. */
    List<PartyHit> byPhone(Collection<String> phones, UUID exclude, LocalDate onOrBefore, Long committeeId);

    /** … with one of these names (the caller compares the addresses). */
    List<PartyHit> byName(Collection<String> names, UUID exclude, LocalDate onOrBefore, Long committeeId);

    /** The ID numbers appearing in at least {@code atLeast} leads found in the period, most leads first. */
    List<Count> idNumbersInLeads(LocalDate from, LocalDate to, Long committeeId, int atLeast, int limit);

    /** The names at an address (of parties without an ID number) in at least {@code atLeast} leads. */
    List<Count> namesAtAddressesInLeads(LocalDate from, LocalDate to, Long committeeId, int atLeast, int limit);

    /** The addresses appearing in at least {@code atLeast} leads, most leads first. */
    List<Count> addressesInLeads(LocalDate from, LocalDate to, Long committeeId, int atLeast, int limit);

    /** The leads found in the period with a party of this ID number, the newest first. */
    List<UUID> leadsWithIdNumber(String idNumber, LocalDate from, LocalDate to, Long committeeId);

    /** The leads with a party of this name at this address (exactly as written). */
    List<UUID> leadsWithNameAt(String name, String address, LocalDate from, LocalDate to, Long committeeId);

    /** The leads with a party at this address (exactly as written). */
    List<UUID> leadsAt(String address, LocalDate from, LocalDate to, Long committeeId);
}

package cn.mediationdesk.logic.repeat;

import cn.mediationdesk.logic.store.RepeatRepository;
import cn.mediationdesk.logic.store.RepeatRepository.PartyHit;
import cn.mediationdesk.logic.store.Tx;
import cn.mediationdesk.model.Committee;
import cn.mediationdesk.model.Lead;
import cn.mediationdesk.model.Party;
import cn.mediationdesk.model.Role;
import cn.mediationdesk.model.User;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Finds the earlier leads a lead's parties appear in: every other lead found on or before it with a
 * party of the same ID number, the same phone, or the same name at the same address. Used when a
 * lead is registered, opened or imported; the caller has checked who may see what and passes the
 * committee to keep to.
 */
public final class EarlierLeads {
    private EarlierLeads() {
    }

    /** The committee whose leads {@code user} may read, or {@code null} for all (an administrator). */
    public static Long scopeOf(User user) {
        return user.role() == Role.ADMIN ? null : user.committeeId();
    }

    /**
     * The earlier leads of {@code lead} (with {@code parties}), the newest first.
     *
     * @param committeeId only leads of this committee, or {@code null} for every committee
     * @param today       the day whose state each earlier lead is shown in
     */
    public static List<RelatedLead> find(Tx tx, Lead lead, List<Party> parties, Long committeeId, LocalDate today) {
        Map<UUID, Set<MatchKind>> how = new LinkedHashMap<>();
        Map<UUID, Set<String>> names = new HashMap<>();
        RepeatRepository repeats = tx.repeats();
        LocalDate day = lead.foundOn();

        Set<String> idNumbers = values(parties, p -> p.idNumber() == null ? null : p.idNumber().strip().toUpperCase(Locale.ROOT));
        for (PartyHit hit : repeats.byIdNumber(idNumbers, lead.id(), day, committeeId)) {
            note(how, names, hit, MatchKind.ID_NUMBER);
        }

        Set<String> digits = values(parties, p -> blankToNull(PartyKeys.phoneDigits(p.phone())));
        Set<String> spellings = new LinkedHashSet<>();
        parties.forEach(p -> spellings.addAll(PartyKeys.phoneSpellings(p.phone())));
        for (PartyHit hit : repeats.byPhone(spellings, lead.id(), day, committeeId)) {
            if (digits.contains(PartyKeys.phoneDigits(hit.phone()))) {
                note(how, names, hit, MatchKind.PHONE);
            }
        }

        Map<String, Set<String>> addressesByName = new HashMap<>();
        for (Party p : parties) {
            String address = PartyKeys.address(p.address());
            if (!address.isEmpty() && p.name() != null && !p.name().isBlank()) {
                addressesByName.computeIfAbsent(p.name().strip(), n -> new LinkedHashSet<>()).add(address);
            }
        }
        for (PartyHit hit : repeats.byName(addressesByName.keySet(), lead.id(), day, committeeId)) {
            if (addressesByName.getOrDefault(hit.name(), Set.of()).contains(PartyKeys.address(hit.address()))) {
                note(how, names, hit, MatchKind.NAME_ADDRESS);
            }
        }
        if (how.isEmpty()) {
            return List.of();
        }
        UUID recurredAfter = tx.caseFiles().recurrence(lead.id()).map(r -> r.earlierLeadId()).orElse(null);
        return describe(tx, how, names, recurredAfter, today);
    }

    /**
     * The leads {@code ids} as lists show them, in the order given, each in its state on {@code today}.
     */
    static List<RelatedLead> describe(Tx tx, Map<UUID, Set<MatchKind>> how, Map<UUID, Set<String>> names,
                                      UUID recurredAfter, LocalDate today) {
        Map<Long, String> committees = tx.organization().committees().stream()
                .collect(Collectors.toMap(Committee::id, Committee::name));
        List<RelatedLead> related = new ArrayList<>();
        for (Map.Entry<UUID, Set<MatchKind>> e : how.entrySet()) {
            tx.leads().find(e.getKey()).ifPresent(l -> related.add(new RelatedLead(l.id(), l.foundOn(), number(l),
                    l.stateOn(today), l.committeeId(), committees.getOrDefault(l.committeeId(), ""), l.summary(),
                    e.getValue(), List.copyOf(names.getOrDefault(l.id(), Set.of())), l.id().equals(recurredAfter))));
        }
        related.sort(Comparator.comparing(RelatedLead::foundOn).reversed());
        return related;
    }

    /** The case number, else the lead number, else nothing: how a clerk names a lead. */
    static String number(Lead lead) {
        if (lead.caseNumber() != null) {
            return lead.caseNumber().text();
        }
        return lead.leadNo() == null ? "" : lead.leadNo();
    }

    private static void note(Map<UUID, Set<MatchKind>> how, Map<UUID, Set<String>> names, PartyHit hit, MatchKind kind) {
        how.computeIfAbsent(hit.leadId(), id -> EnumSet.noneOf(MatchKind.class)).add(kind);
        names.computeIfAbsent(hit.leadId(), id -> new LinkedHashSet<>()).add(hit.name());
    }

    private static Set<String> values(List<Party> parties, Function<Party, String> value) {
        Set<String> values = new LinkedHashSet<>();
        for (Party p : parties) {
            String v = value.apply(p);
            if (v != null && !v.isBlank()) {
                values.add(v);
            }
        }
        return values;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}

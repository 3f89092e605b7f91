package cn.mediationdesk.logic.lifecycle;

import cn.mediationdesk.logic.store.Store;
import cn.mediationdesk.model.Committee;
import cn.mediationdesk.model.Community;
import cn.mediationdesk.model.DictionaryEntry;
import cn.mediationdesk.model.DictionaryKind;
import cn.mediationdesk.model.Grid;
import cn.mediationdesk.model.Person;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a lead form offers to choose from: the organization and the dictionaries, inactive entries
 * included, so that a lead recorded under an entry deactivated since still shows its value.
 */
public record LeadChoices(List<Committee> committees, List<Community> communities, List<Grid> grids,
                          List<Person> people, List<DictionaryEntry> sources, List<DictionaryEntry> disputeTypes) {
    public LeadChoices {
        committees = List.copyOf(committees);
        communities = List.copyOf(communities);
        grids = List.copyOf(grids);
        people = List.copyOf(people);
        sources = List.copyOf(sources);
        disputeTypes = List.copyOf(disputeTypes);
    }

    public static LeadChoices load(Store store) {
        return store.read(tx -> new LeadChoices(tx.organization().committees(), tx.organization().communities(),
                tx.organization().grids(), tx.organization().people(),
                ordered(tx.dictionaries().entries(DictionaryKind.LEAD_SOURCE)),
                ordered(tx.dictionaries().entries(DictionaryKind.DISPUTE_TYPE))));
    }

    /** Dictionaries are read in code order; forms list them as the statistics tables do. */
    private static List<DictionaryEntry> ordered(List<DictionaryEntry> entries) {
        return entries.stream().sorted(Comparator.comparingInt(DictionaryEntry::sortOrder)).toList();
    }

    public Optional<Committee> committee(long id) {
        return committees.stream().filter(c -> c.id() == id).findFirst();
    }

    public Optional<Community> community(long id) {
        return communities.stream().filter(c -> c.id() == id).findFirst();
    }

    public Optional<Grid> grid(Long id) {
        return id == null ? Optional.empty() : grids.stream().filter(g -> g.id() == id).findFirst();
    }

    public Optional<Person> person(Long id) {
        return id == null ? Optional.empty() : people.stream().filter(p -> p.id() == id).findFirst();
    }

    /** The active grids of a community. */
    public List<Grid> gridsOf(long communityId) {
        return grids.stream().filter(g -> g.communityId() == communityId && g.active()).toList();
    }

    /** Who may be assigned to a committee's cases: its active mediators (专职 or 兼职). */
    public List<Person> mediatorsOf(long committeeId) {
        return people.stream()
                .filter(p -> p.active() && p.role().mediates() && Objects.equals(p.committeeId(), committeeId))
                .toList();
    }

    /** Who may have checked a lead: the committee's active people and the jurisdiction's grid workers. */
    public List<Person> verifiersOf(long committeeId) {
        return people.stream()
                .filter(p -> p.active() && (Objects.equals(p.committeeId(), committeeId) || p.committeeId() == null))
                .toList();
    }
}

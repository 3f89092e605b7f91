package cn.mediationdesk.logic.organization;

import cn.mediationdesk.model.Committee;
import cn.mediationdesk.model.Community;
import cn.mediationdesk.model.Grid;
import cn.mediationdesk.model.Person;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The whole organization of a jurisdiction, active or not, as read in one transaction.
 *
 * @param committeesWithCaseNumbers ids of the committees that have issued case numbers: their
 *                                  short name already stands in numbers that are never re-formatted
 */
public record OrganizationChart(List<Community> communities, List<Grid> grids, List<Committee> committees,
                                List<Person> people, Set<Long> committeesWithCaseNumbers) {
    public OrganizationChart {
        communities = List.copyOf(communities);
        grids = List.copyOf(grids);
        committees = List.copyOf(committees);
        people = List.copyOf(people);
        committeesWithCaseNumbers = Set.copyOf(committeesWithCaseNumbers);
    }

    public Optional<Community> community(Long id) {
        return id == null ? Optional.empty() : communities.stream().filter(c -> c.id() == id).findFirst();
    }

    public Optional<Committee> committee(Long id) {
        return id == null ? Optional.empty() : committees.stream().filter(c -> c.id() == id).findFirst();
    }

    public Optional<Person> person(Long id) {
        return id == null ? Optional.empty() : people.stream().filter(p -> p.id() == id).findFirst();
    }

    public boolean hasIssuedCaseNumbers(long committeeId) {
        return committeesWithCaseNumbers.contains(committeeId);
    }
}

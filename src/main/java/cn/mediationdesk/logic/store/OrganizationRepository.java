package cn.mediationdesk.logic.store;

import cn.mediationdesk.model.Committee;
import cn.mediationdesk.model.CommitteeKind;
import cn.mediationdesk.model.Community;
import cn.mediationdesk.model.Grid;
import cn.mediationdesk.model.Jurisdiction;
import cn.mediationdesk.model.Person;
import cn.mediationdesk.model.PersonRole;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

public interface OrganizationRepository {
    Optional<Jurisdiction> jurisdiction();

    void insertJurisdiction(String name, Instant createdAt);

    /** All communities, active or not, ordered by code. */
    List<Community> communities();

    long insertCommunity(String code, String name);

    void updateCommunity(long id, String code, String name, boolean active);

    /** All committees, active or not, ordered by code. */
    List<Committee> committees();

    long insertCommittee(String code, String name, String shortName, CommitteeKind kind, Long communityId);

    void updateCommittee(long id, String code, String name, String shortName, CommitteeKind kind,
                         Long communityId, boolean active);

    /** The committees that have issued at least one case number, whose short name is already in print. */
    List<Long> committeesWithCaseNumbers();

    List<Grid> grids();

    long insertGrid(long communityId, String name, Long gridWorkerId);

    void updateGrid(long id, String name, Long gridWorkerId, boolean active);

    List<Person> people();

    long insertPerson(String name, PersonRole role, Long committeeId, String phone);

    void updatePerson(long id, String name, PersonRole role, Long committeeId, String phone, boolean active);
}

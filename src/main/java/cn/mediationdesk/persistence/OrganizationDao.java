package cn.mediationdesk.persistence;

import cn.mediationdesk.logic.store.OrganizationRepository;
import cn.mediationdesk.model.Committee;
import cn.mediationdesk.model.CommitteeKind;
import cn.mediationdesk.model.Community;
import cn.mediationdesk.model.Grid;
import cn.mediationdesk.model.Jurisdiction;
import cn.mediationdesk.model.Person;
import cn.mediationdesk.model.PersonRole;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

interface OrganizationDao extends OrganizationRepository {

    @Override
    @SqlQuery("SELECT name, created_at FROM jurisdiction WHERE id = 1")
    @RegisterConstructorMapper(Jurisdiction.class)
    Optional<Jurisdiction> jurisdiction();

    @Override
    default void insertJurisdiction(String name, Instant createdAt) {
        insertJurisdictionRow(name, LeadDao.at(createdAt));
    }

    @SqlUpdate("INSERT INTO jurisdiction (id, name, created_at) VALUES (1, :name, :createdAt)")
    void insertJurisdictionRow(@Bind("name") String name, @Bind("createdAt") OffsetDateTime createdAt);

    @Override
    @SqlQuery("SELECT id, code, name, active FROM community ORDER BY code")
    @RegisterConstructorMapper(Community.class)
    List<Community> communities();

    @Override
    @SqlUpdate("INSERT INTO community (code, name) VALUES (:code, :name)")
    @GetGeneratedKeys("id")
    long insertCommunity(@Bind("code") String code, @Bind("name") String name);

    @Override
    @SqlUpdate("UPDATE community SET code = :code, name = :name, active = :active WHERE id = :id")
    void updateCommunity(@Bind("id") long id, @Bind("code") String code, @Bind("name") String name,
                         @Bind("active") boolean active);

    @Override
    @SqlQuery("SELECT id, code, name, short_name, kind, community_id, active FROM committee ORDER BY code")
    @RegisterConstructorMapper(Committee.class)
    List<Committee> committees();

    @Override
    @SqlUpdate("""
            INSERT INTO committee (code, name, short_name, kind, community_id)
            VALUES (:code, :name, :shortName, :kind, :communityId)""")
    @GetGeneratedKeys("id")
    long insertCommittee(@Bind("code") String code, @Bind("name") String name, @Bind("shortName") String shortName,
                         @Bind("kind") CommitteeKind kind, @Bind("communityId") Long communityId);

    @Override
    @SqlUpdate("""
            UPDATE committee SET code = :code, name = :name, short_name = :shortName, kind = :kind,
                community_id = :communityId, active = :active WHERE id = :id""")
    void updateCommittee(@Bind("id") long id, @Bind("code") String code, @Bind("name") String name,
                         @Bind("shortName") String shortName, @Bind("kind") CommitteeKind kind,
                         @Bind("communityId") Long communityId, @Bind("active") boolean active);

    @Override
    @SqlQuery("SELECT DISTINCT committee_id FROM case_number_counter WHERE last_number > 0 ORDER BY committee_id")
    List<Long> committeesWithCaseNumbers();

    @Override
    @SqlQuery("SELECT id, community_id, name, grid_worker_id, active FROM grid ORDER BY community_id, name")
    @RegisterConstructorMapper(Grid.class)
    List<Grid> grids();

    @Override
    @SqlUpdate("INSERT INTO grid (community_id, name, grid_worker_id) VALUES (:communityId, :name, :workerId)")
    @GetGeneratedKeys("id")
    long insertGrid(@Bind("communityId") long communityId, @Bind("name") String name, @Bind("workerId") Long gridWorkerId);

    @Override
    @SqlUpdate("UPDATE grid SET name = :name, grid_worker_id = :workerId, active = :active WHERE id = :id")
    void updateGrid(@Bind("id") long id, @Bind("name") String name, @Bind("workerId") Long gridWorkerId,
                    @Bind("active") boolean active);

    @Override
    @SqlQuery("SELECT id, name, role, committee_id, phone, active FROM person ORDER BY id")
    @RegisterConstructorMapper(Person.class)
    List<Person> people();

    @Override
    @SqlUpdate("INSERT INTO person (name, role, committee_id, phone) VALUES (:name, :role, :committeeId, :phone)")
    @GetGeneratedKeys("id")
    long insertPerson(@Bind("name") String name, @Bind("role") PersonRole role, @Bind("committeeId") Long committeeId,
                      @Bind("phone") String phone);

    @Override
    @SqlUpdate("""
            UPDATE person SET name = :name, role = :role, committee_id = :committeeId, phone = :phone,
                active = :active WHERE id = :id""")
    void updatePerson(@Bind("id") long id, @Bind("name") String name, @Bind("role") PersonRole role,
                      @Bind("committeeId") Long committeeId, @Bind("phone") String phone,
                      @Bind("active") boolean active);
}

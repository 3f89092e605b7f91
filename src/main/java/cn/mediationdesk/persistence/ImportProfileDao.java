package cn.mediationdesk.persistence;

import cn.mediationdesk.logic.store.ImportProfileRepository;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

interface ImportProfileDao extends ImportProfileRepository {
    @Override
    @SqlQuery("SELECT name FROM import_profile ORDER BY name")
    List<String> names();

    @Override
    @SqlQuery("SELECT mapping FROM import_profile WHERE name = :name")
    Optional<String> mapping(@Bind("name") String name);

    @Override
    default void save(String name, String mapping, String savedBy, Instant savedAt) {
        OffsetDateTime at = savedAt.atOffset(ZoneOffset.UTC);
        if (update(name, mapping, savedBy, at) == 0) {
            insert(name, mapping, savedBy, at);
        }
    }

    @SqlUpdate("UPDATE import_profile SET mapping = :mapping, saved_by = :savedBy, saved_at = :savedAt WHERE name = :name")
    int update(@Bind("name") String name, @Bind("mapping") String mapping, @Bind("savedBy") String savedBy,
               @Bind("savedAt") OffsetDateTime savedAt);

    @SqlUpdate("INSERT INTO import_profile (name, mapping, saved_by, saved_at) VALUES (:name, :mapping, :savedBy, :savedAt)")
    void insert(@Bind("name") String name, @Bind("mapping") String mapping, @Bind("savedBy") String savedBy,
                @Bind("savedAt") OffsetDateTime savedAt);

    @Override
    @SqlUpdate("DELETE FROM import_profile WHERE name = :name")
    boolean delete(@Bind("name") String name);
}

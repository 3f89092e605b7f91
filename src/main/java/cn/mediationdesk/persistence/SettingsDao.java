package cn.mediationdesk.persistence;

import cn.mediationdesk.logic.store.SettingsRepository;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

import java.util.Optional;

interface SettingsDao extends SettingsRepository {
    @Override
    @SqlQuery("SELECT setting_value FROM setting WHERE name = :name")
    Optional<String> get(@Bind("name") String name);

    @Override
    default void put(String name, String value) {
        if (update(name, value) == 0) {
            insert(name, value);
        }
    }

    @SqlUpdate("UPDATE setting SET setting_value = :value WHERE name = :name")
    int update(@Bind("name") String name, @Bind("value") String value);

    @SqlUpdate("INSERT INTO setting (name, setting_value) VALUES (:name, :value)")
    void insert(@Bind("name") String name, @Bind("value") String value);
}

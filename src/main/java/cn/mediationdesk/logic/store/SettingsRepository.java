package cn.mediationdesk.logic.store;

import java.util.Optional;

public interface SettingsRepository {
    Optional<String> get(String name);

    void put(String name, String value);
}

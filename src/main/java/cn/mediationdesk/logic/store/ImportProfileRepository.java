package cn.mediationdesk.logic.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The saved column mappings of ledger imports, by name (table import_profile). */
public interface ImportProfileRepository {
    /** The profiles' names, sorted. */
    List<String> names();

    /** A profile's mapping in its text form. */
    Optional<String> mapping(String name);

    /** Saves a profile, replacing one of the same name. */
    void save(String name, String mapping, String savedBy, Instant savedAt);

    /** @return whether there was such a profile */
    boolean delete(String name);
}

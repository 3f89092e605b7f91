package cn.mediationdesk.logic.ledger;

import cn.mediationdesk.logic.ValidationException;
import cn.mediationdesk.logic.security.Access;
import cn.mediationdesk.logic.store.Store;
import cn.mediationdesk.model.Problem;
import cn.mediationdesk.model.Problem.Field;
import cn.mediationdesk.model.User;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Named column mappings ("profiles") for importing an office's own ledger layout month after month
 * without mapping it again. Imports of whole ledgers are the administrator's (DESIGN §9), so are
 * their profiles.
 */
public final class ImportProfileService {
    /** The width of import_profile.name. */
    public static final int MAX_NAME_LENGTH = 100;
    /** The width of import_profile.mapping. */
    static final int MAX_MAPPING_LENGTH = 100_000;

    private final Store store;
    private final Clock clock;

    public ImportProfileService(Store store, Clock clock) {
        this.store = Objects.requireNonNull(store);
        this.clock = Objects.requireNonNull(clock);
    }

    /**
     * Saves {@code mapping} under {@code name}, replacing a profile of that name.
     *
     * @return the name as saved (without surrounding blanks)
     * @throws ValidationException for a blank, too long or unprintable name, or an empty mapping
     */
    public String save(User actor, String name, ColumnMapping mapping) {
        String saved = validName(name);
        String text = mapping.format();
        if (mapping.isEmpty()) {
            throw new ValidationException(Problem.of(Field.COLUMN, "ledger.profile.emptyMapping"));
        }
        if (text.length() > MAX_MAPPING_LENGTH) {
            throw new ValidationException(Problem.of(Field.COLUMN, "ledger.profile.mappingTooLong", MAX_MAPPING_LENGTH));
        }
        return store.write(tx -> {
            User admin = Access.requireAdmin(tx, actor);
            tx.importProfiles().save(saved, text, admin.username(), clock.instant());
            return saved;
        });
    }

    /** The saved profiles' names, sorted. */
    public List<String> names(User actor) {
        return store.read(tx -> {
            Access.requireAdmin(tx, actor);
            return tx.importProfiles().names();
        });
    }

    /** The mapping saved under {@code name}, if any. */
    public Optional<ColumnMapping> find(User actor, String name) {
        return store.read(tx -> {
            Access.requireAdmin(tx, actor);
            return tx.importProfiles().mapping(name == null ? "" : name.strip()).map(ColumnMapping::parse);
        });
    }

    /** @return whether there was such a profile */
    public boolean delete(User actor, String name) {
        return store.write(tx -> {
            Access.requireAdmin(tx, actor);
            return tx.importProfiles().delete(name == null ? "" : name.strip());
        });
    }

    /**
     * @return the name as it would be saved
     * @throws ValidationException for a blank, too long or unprintable name
     */
    public static String checkName(String name) {
        return validName(name);
    }

    private static String validName(String name) {
        String s = name == null ? "" : name.strip();
        if (s.isEmpty()) {
            throw new ValidationException(Problem.of(Field.NAME, "rule.required"));
        }
        if (s.length() > MAX_NAME_LENGTH) {
            throw new ValidationException(Problem.of(Field.NAME, "ledger.profile.nameTooLong", MAX_NAME_LENGTH));
        }
        if (s.codePoints().anyMatch(Character::isISOControl)) {
            throw new ValidationException(Problem.of(Field.NAME, "ledger.profile.nameUnprintable"));
        }
        return s;
    }
}

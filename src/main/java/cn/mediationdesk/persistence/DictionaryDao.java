package cn.mediationdesk.persistence;

import cn.mediationdesk.logic.store.DictionaryRepository;
import cn.mediationdesk.model.DictionaryEntry;
import cn.mediationdesk.model.DictionaryKind;
import org.jdbi.v3.core.Handle;

import java.util.List;

/** Reads the dictionary tables; their names come from the enum, never from input. */
final class DictionaryDao implements DictionaryRepository {
    private final Handle handle;

    DictionaryDao(Handle handle) {
        this.handle = handle;
    }

    @Override
    public List<DictionaryEntry> entries(DictionaryKind kind) {
        String group = kind == DictionaryKind.LEAD_SOURCE ? "source_group" : "CAST(NULL AS VARCHAR(32))";
        return handle.createQuery("SELECT code, name_zh, name_en, " + group + " AS grp, sort_order, active FROM "
                        + table(kind) + " ORDER BY code")
                .map((rs, ctx) -> new DictionaryEntry(kind, rs.getString("code"), rs.getString("name_zh"),
                        rs.getString("name_en"), rs.getString("grp"), rs.getInt("sort_order"),
                        rs.getBoolean("active")))
                .list();
    }

    static String table(DictionaryKind kind) {
        return switch (kind) {
            case DISPUTE_TYPE -> "dispute_type";
            case LEAD_SOURCE -> "lead_source";
            case RISK_LEVEL -> "risk_level";
            case SOURCE_GROUP -> "source_group";
            case VERIFICATION_RESULT -> "verification_result";
            case OUTCOME -> "outcome";
        };
    }
}

package cn.mediationdesk.logic.ledger;

import cn.mediationdesk.logic.security.Access;
import cn.mediationdesk.logic.store.Store;
import cn.mediationdesk.model.Committee;
import cn.mediationdesk.model.Community;
import cn.mediationdesk.model.DictionaryEntry;
import cn.mediationdesk.model.DictionaryKind;
import cn.mediationdesk.model.Role;
import cn.mediationdesk.model.User;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Reads a ledger for the import wizard and proposes how its columns and values read as ours. */
public final class LedgerMappingService {
    private final Store store;

    public LedgerMappingService(Store store) {
        this.store = Objects.requireNonNull(store);
    }

    /**
     * @param actor who imports: anyone but a viewer, as for the import itself
     * @throws LedgerRejectedException when the file cannot be read as a table
     */
    public MappingDraft draft(User actor, Path file, Charset charset) {
        store.read(tx -> {
            if (Access.current(tx, actor).role() == Role.VIEWER) {
                throw Access.denied("permission.viewerNoCases");
            }
            return null;
        });
        LedgerTable table = LedgerReader.read(file, charset);
        return store.read(tx -> {
            Map<DictionaryKind, List<DictionaryEntry>> dictionaries = new EnumMap<>(DictionaryKind.class);
            for (DictionaryKind kind : DictionaryKind.values()) {
                dictionaries.put(kind, tx.dictionaries().entries(kind).stream().filter(DictionaryEntry::active)
                        .sorted(Comparator.comparingInt(DictionaryEntry::sortOrder)).toList());
            }
            List<String> communities = tx.organization().communities().stream().filter(Community::active)
                    .map(Community::name).toList();
            List<String> committees = tx.organization().committees().stream().filter(Committee::active)
                    .map(Committee::name).toList();
            MappingDraft bare = new MappingDraft(table, needsMapping(table), ColumnMapping.NONE, dictionaries,
                    communities, committees);
            return new MappingDraft(table, bare.needsMapping(), withValues(bare, HeaderSuggestions.propose(table.header())),
                    dictionaries, communities, committees);
        });
    }

    /**
     * A file lacking a required column under our own names, with headers of its own, is in an
     * office's layout. One with only our headers, some missing, is ours with a mistake: the check says which.
     */
    private static boolean needsMapping(LedgerTable table) {
        List<String> headers = table.header().stream().map(String::strip).filter(h -> !h.isEmpty()).toList();
        List<LedgerColumn> ours = headers.stream().flatMap(h -> LedgerColumn.byHeader(h).stream()).toList();
        boolean theirOwn = ours.size() < headers.size();
        return theirOwn && java.util.Arrays.stream(LedgerColumn.values()).anyMatch(c -> c.required() && !ours.contains(c));
    }

    /** The proposal with our value suggested for each of their values in a coded column that is not ours already. */
    private static ColumnMapping withValues(MappingDraft draft, ColumnMapping proposal) {
        Map<String, Map<String, String>> values = new LinkedHashMap<>();
        proposal.columns().forEach((header, columns) -> {
            LedgerColumn column = columns.getFirst();
            if (!HeaderSuggestions.CODED.contains(column)) {
                return;
            }
            Map<String, String> map = new LinkedHashMap<>();
            for (String value : draft.distinctValues(header)) {
                if (!draft.isOurs(column, value)) {
                    draft.suggestedValue(column, value).ifPresent(code -> map.put(value, code));
                }
            }
            if (!map.isEmpty()) {
                values.put(header, map);
            }
        });
        return new ColumnMapping(proposal.columns(), proposal.fixedValues(), values);
    }
}

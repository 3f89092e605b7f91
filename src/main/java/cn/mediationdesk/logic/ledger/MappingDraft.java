package cn.mediationdesk.logic.ledger;

import cn.mediationdesk.model.DictionaryEntry;
import cn.mediationdesk.model.DictionaryKind;

import java.util.List;
import java.util.Map;

/**
 * What the import wizard needs to map a file's columns: the file as read, a proposal, and what our
 * coded columns may hold.
 *
 * @param table the file as read
 * @param needsMapping whether the file lacks a required column under our own names (else it imports as it is)
 * @param proposal the suggested mapping, with their values in coded columns suggested where they can be
 * @param dictionaries the dictionaries' active entries, for choosing our value for one of theirs
 * @param communities the communities' names
 * @param committees the committees' names
 */
public record MappingDraft(LedgerTable table, boolean needsMapping, ColumnMapping proposal,
                           Map<DictionaryKind, List<DictionaryEntry>> dictionaries, List<String> communities,
                           List<String> committees) {
    public MappingDraft {
        dictionaries = Map.copyOf(dictionaries);
        communities = List.copyOf(communities);
        committees = List.copyOf(committees);
    }

    /** The different non-blank values of one of their columns, in the order they first appear. */
    public List<String> distinctValues(String header) {
        int index = table.header().stream().map(String::strip).toList().indexOf(header.strip());
        if (index < 0) {
            return List.of();
        }
        return table.rows().stream().map(r -> r.cell(index).strip()).filter(v -> !v.isEmpty()).distinct().toList();
    }

    /** Our values a coded column may hold, as code → label (a community's or committee's name is both). */
    public List<Map.Entry<String, String>> choices(LedgerColumn column) {
        return switch (column) {
            case COMMUNITY -> communities.stream().map(n -> Map.entry(n, n)).toList();
            case COMMITTEE -> committees.stream().map(n -> Map.entry(n, n)).toList();
            case AGREEMENT_FORM -> List.of(Map.entry("WRITTEN", "书面"), Map.entry("ORAL", "口头"));
            default -> HeaderSuggestions.dictionaryOf(column)
                    .map(kind -> dictionaries.getOrDefault(kind, List.of()).stream()
                            .map(e -> Map.entry(e.code(), e.nameZh())).toList())
                    .orElse(List.of());
        };
    }

    /** Whether their value already is one of ours (a label, code or name), needing no mapping. */
    public boolean isOurs(LedgerColumn column, String value) {
        String v = value.strip();
        return choices(column).stream().anyMatch(c -> c.getKey().equalsIgnoreCase(v) || c.getValue().equals(v))
                || column == LedgerColumn.OUTCOME && v.equals("终止")
                || HeaderSuggestions.dictionaryOf(column).map(kind -> dictionaries.getOrDefault(kind, List.of()).stream()
                        .anyMatch(e -> e.nameEn().equalsIgnoreCase(v))).orElse(false);
    }

    /** Our value for one of theirs in {@code column}, when one can be proposed. */
    public java.util.Optional<String> suggestedValue(LedgerColumn column, String value) {
        if (column == LedgerColumn.COMMUNITY || column == LedgerColumn.COMMITTEE) {
            List<String> names = column == LedgerColumn.COMMUNITY ? communities : committees;
            return names.stream().filter(n -> n.equals(value.strip())).findFirst();
        }
        List<DictionaryEntry> entries = HeaderSuggestions.dictionaryOf(column)
                .map(kind -> dictionaries.getOrDefault(kind, List.of())).orElse(List.of());
        return HeaderSuggestions.value(column, value, entries);
    }
}

package cn.mediationdesk.logic.ledger;

import cn.mediationdesk.logic.store.DictionaryRepository;
import cn.mediationdesk.model.DictionaryEntry;
import cn.mediationdesk.model.DictionaryKind;

import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The words a ledger may use for dictionary values: an entry's Chinese label, its code or its
 * English label (any case). The dictionaries are data, so they are read from the database.
 */
final class LedgerVocabulary {
    /** Words the ledger contract accepts beyond the dictionaries' own labels (DESIGN §8). */
    private static final Map<DictionaryKind, Map<String, String>> CONTRACT_ALIASES =
            Map.of(DictionaryKind.OUTCOME, Map.of("终止", "TERMINATED"));

    private final Map<DictionaryKind, Map<String, String>> codes = new EnumMap<>(DictionaryKind.class);
    private final Map<DictionaryKind, String> choices = new EnumMap<>(DictionaryKind.class);
    private final Map<DictionaryKind, Map<String, String>> labels = new EnumMap<>(DictionaryKind.class);

    private LedgerVocabulary() {
    }

    static LedgerVocabulary load(DictionaryRepository dictionaries) {
        LedgerVocabulary vocabulary = new LedgerVocabulary();
        for (DictionaryKind kind : DictionaryKind.values()) {
            List<DictionaryEntry> entries = dictionaries.entries(kind);
            Map<String, String> words = new HashMap<>(CONTRACT_ALIASES.getOrDefault(kind, Map.of()));
            Map<String, String> labels = new HashMap<>();
            for (DictionaryEntry entry : entries) {
                labels.put(entry.code(), entry.nameZh());
                words.put(entry.nameEn().toLowerCase(Locale.ROOT), entry.code());
                words.put(entry.code().toUpperCase(Locale.ROOT), entry.code());
                words.put(entry.nameZh(), entry.code()); // last: a Chinese label always wins
            }
            vocabulary.codes.put(kind, words);
            vocabulary.labels.put(kind, labels);
            vocabulary.choices.put(kind, String.join("/",
                    entries.stream().sorted(Comparator.comparingInt(DictionaryEntry::sortOrder))
                            .map(DictionaryEntry::nameZh).toList()));
        }
        return vocabulary;
    }

    /** The code {@code word} names in the dictionary, if any. */
    Optional<String> code(DictionaryKind kind, String word) {
        Map<String, String> words = codes.get(kind);
        String s = word.strip();
        return Optional.ofNullable(words.get(s))
                .or(() -> Optional.ofNullable(words.get(s.toUpperCase(Locale.ROOT))))
                .or(() -> Optional.ofNullable(words.get(s.toLowerCase(Locale.ROOT))));
    }

    /** The Chinese label of an entry, as a ledger writes it; the code itself for an unknown one. */
    String label(DictionaryKind kind, String code) {
        return labels.get(kind).getOrDefault(code, code);
    }

    /** The Chinese labels of a dictionary, for telling the user what may be written. */
    String choices(DictionaryKind kind) {
        return choices.get(kind);
    }
}

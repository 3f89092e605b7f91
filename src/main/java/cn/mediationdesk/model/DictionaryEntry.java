package cn.mediationdesk.model;

import java.util.Objects;

/**
 * One entry of a dictionary: a code that never changes meaning and its labels.
 *
 * @param group for lead sources, the code of their {@link SourceGroup}; otherwise {@code null}
 */
public record DictionaryEntry(DictionaryKind kind, String code, String nameZh, String nameEn,
                              String group, int sortOrder, boolean active) {
    public DictionaryEntry {
        Objects.requireNonNull(kind);
        Objects.requireNonNull(code);
        Objects.requireNonNull(nameZh);
        Objects.requireNonNull(nameEn);
    }

    public String name(boolean chinese) {
        return chinese ? nameZh : nameEn;
    }
}

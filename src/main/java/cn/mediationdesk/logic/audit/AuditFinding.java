package cn.mediationdesk.logic.audit;

import cn.mediationdesk.logic.l10n.Localization;

import java.util.List;

/**
 * One thing the verifier found, as a message key and its arguments (localized when shown).
 *
 * @param seq the entry it names (the first of a range), or null when it names a record only
 */
public record AuditFinding(Long seq, String key, List<Object> args) {
    public AuditFinding {
        args = List.copyOf(args);
    }

    static AuditFinding of(Long seq, String key, Object... args) {
        return new AuditFinding(seq, key, List.of(args));
    }

    /** An argument that is itself a text of the bundle (the kind of a record, say). */
    record Term(String key) {
    }

    public String describe(Localization l10n) {
        Object[] texts = args.stream().map(a -> a instanceof Term term ? l10n.text(term.key()) : a).toArray();
        return l10n.text(key, texts);
    }
}

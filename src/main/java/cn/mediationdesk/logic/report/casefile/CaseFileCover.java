package cn.mediationdesk.logic.report.casefile;

import cn.mediationdesk.model.Outcome;

import java.time.LocalDate;
import java.util.List;

/**
 * The cover of the case file (卷宗) and its contents list (卷内目录).
 *
 * @param filedBy   立卷人, or {@code null} to leave the line for a signature
 * @param retention 保管期限, or {@code null} to leave the line to be filled in
 * @param contents  the documents of the file in the order they are bound
 */
public record CaseFileCover(CaseHeader header, List<DocumentParty> parties, String typeZh, String typeEn,
                            LocalDate acceptedOn, LocalDate closedOn, Outcome outcome, String filedBy,
                            String retention, List<ContentsEntry> contents) {
    public CaseFileCover {
        parties = List.copyOf(parties);
        contents = List.copyOf(contents);
    }

    public String typeLabel(boolean chinese) {
        return chinese ? typeZh : typeEn;
    }

    /** One document in the file: its kind, its number among documents of that kind (from 1), and its date. */
    public record ContentsEntry(DocumentKind kind, int number, LocalDate date) {
    }
}

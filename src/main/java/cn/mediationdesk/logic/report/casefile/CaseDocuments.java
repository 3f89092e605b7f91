package cn.mediationdesk.logic.report.casefile;

import java.util.List;
import java.util.Optional;

/** Every document of one case, ready to print: what goes into its file, and the file's cover. */
public record CaseDocuments(CaseFileCover cover, AcceptanceRecord acceptance, List<SessionRecord> sessions,
                            Optional<AgreementDocument> agreement, List<FollowUpRecord> followUps) {
    public CaseDocuments {
        sessions = List.copyOf(sessions);
        followUps = List.copyOf(followUps);
    }
}

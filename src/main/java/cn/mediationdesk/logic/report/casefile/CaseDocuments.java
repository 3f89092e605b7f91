package cn.mediationdesk.logic.report.casefile;

import cn.mediationdesk.logic.attachment.AttachedFile;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Every document of one case, ready to print as its 卷宗: the cover, then the thirteen items of the
 * 卷内目录 (an empty one does not apply to this case), and the scans and photos bound into them.
 *
 * @param attachments the lead's scans and photos with their bytes, each bound into the item its kind names
 */
public record CaseDocuments(CaseFileCover cover, Optional<ApplicationDocument> application,
                            AcceptanceRecord acceptance, Optional<RightsNotice> rightsNotice,
                            Optional<InvestigationRecord> investigation, List<SessionRecord> sessions,
                            Optional<AgreementDocument> agreement, Optional<RoutesNotice> routesNotice,
                            Optional<JudicialDocument> judicialConfirmation, List<FollowUpRecord> followUps,
                            Optional<ClosingReport> closingReport, FileNote fileNote,
                            List<AttachedFile> attachments) {
    public CaseDocuments {
        sessions = List.copyOf(sessions);
        followUps = List.copyOf(followUps);
        attachments = List.copyOf(attachments);
    }

    /** The scans and photos bound into {@code item}, in the order they were added. */
    public List<AttachedFile> attachmentsOf(DocumentKind item) {
        return attachments.stream().filter(f -> DocumentKind.holding(f.attachment().kind()) == item)
                .sorted(Comparator.comparing(f -> f.attachment().addedAt())).toList();
    }
}

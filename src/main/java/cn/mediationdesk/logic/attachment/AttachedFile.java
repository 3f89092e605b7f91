package cn.mediationdesk.logic.attachment;

import cn.mediationdesk.model.Attachment;

import java.util.UUID;

/** An attachment with its bytes, already checked against its SHA-256. */
public record AttachedFile(Attachment attachment, byte[] content) {
    /** The attachments of one lead with their bytes, for whoever binds them into its 卷宗. */
    @FunctionalInterface
    public interface Source {
        /**
         * @throws cn.mediationdesk.logic.PermissionDeniedException when the acting user may not read the lead
         */
        java.util.List<AttachedFile> filesOf(UUID leadId);
    }
}

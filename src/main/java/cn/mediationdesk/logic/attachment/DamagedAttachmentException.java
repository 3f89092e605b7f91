package cn.mediationdesk.logic.attachment;

import cn.mediationdesk.logic.l10n.Localization;
import cn.mediationdesk.model.Attachment;

/**
 * An attachment whose stored bytes no longer match their SHA-256 (or are missing): changed behind
 * the application's back or damaged on disk. Its bytes are never handed out.
 */
public final class DamagedAttachmentException extends RuntimeException {
    private final transient Attachment attachment;

    public DamagedAttachmentException(Attachment attachment) {
        super("attachment " + attachment.id() + " (" + attachment.fileName() + ") does not match its SHA-256 "
                + attachment.sha256());
        this.attachment = attachment;
    }

    public Attachment attachment() {
        return attachment;
    }

    /** What happened, in the user's words, naming the file. */
    public String describe(Localization l10n) {
        return l10n.text("attachment.damaged", attachment.fileName(), attachment.sha256());
    }
}

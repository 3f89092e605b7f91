package cn.mediationdesk.logic.attachment;

import cn.mediationdesk.logic.ValidationException;
import cn.mediationdesk.logic.audit.AuditAction;
import cn.mediationdesk.logic.audit.AuditTrail;
import cn.mediationdesk.logic.audit.LeadSnapshot;
import cn.mediationdesk.logic.security.Access;
import cn.mediationdesk.logic.store.Store;
import cn.mediationdesk.logic.store.Tx;
import cn.mediationdesk.model.Attachment;
import cn.mediationdesk.model.AttachmentKind;
import cn.mediationdesk.model.Lead;
import cn.mediationdesk.model.Problem;
import cn.mediationdesk.model.Problem.Field;
import cn.mediationdesk.model.User;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The scans and photos of a case: adding, listing, reading, describing and removing them. Whoever may
 * read or change the lead may do the same with its attachments (DESIGN §9: an administrator, or a
 * director or mediator of its committee; a viewer never). Bytes are stored once per SHA-256 and
 * checked against it on every read; every change is on the audit trail.
 */
public final class AttachmentService implements AttachedFile.Source {
    /** As the database's column allows. */
    public static final int MAX_NOTE_LENGTH = 500;
    private static final int MAX_FILE_NAME_LENGTH = 255;

    private final Store store;
    private final Clock clock;
    private final User actor;
    private final AuditTrail audit;
    private final long maxLeadBytes;

    public AttachmentService(Store store, Clock clock, User actor) {
        this(store, clock, actor, AttachmentContent.MAX_LEAD_BYTES);
    }

    /** With another limit a case's attachments may reach (tests: a small one). */
    AttachmentService(Store store, Clock clock, User actor, long maxLeadBytes) {
        this.store = store;
        this.clock = clock;
        this.actor = Objects.requireNonNull(actor, "actor");
        this.audit = AuditTrail.onThisPc(clock);
        this.maxLeadBytes = maxLeadBytes;
    }

    /** Attaches one file to the lead. */
    public Attachment add(UUID leadId, NewAttachment file) {
        return add(leadId, List.of(file)).getFirst();
    }

    /**
     * Attaches the files to the lead, all or none: one bad file refuses them all, each problem
     * naming its file.
     *
     * @throws ValidationException when a file is empty, too large, not a readable PDF, JPEG or PNG, its note too
     *                             long, or the lead's attachments would exceed {@link AttachmentContent#MAX_LEAD_BYTES}
     */
    public List<Attachment> add(UUID leadId, List<NewAttachment> files) {
        if (files.isEmpty()) {
            return List.of();
        }
        List<String> types = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        for (NewAttachment file : files) {
            try {
                types.add(AttachmentContent.check(fileName(file.fileName()), file.content()));
            } catch (ValidationException e) {
                problems.addAll(e.problems());
                types.add(null);
            }
            checkNote(file.note(), problems);
        }
        failIfAny(problems);
        return store.write(tx -> {
            Lead lead = existing(tx, leadId);
            LeadSnapshot before = audit.snapshotLead(tx, leadId);
            long total = tx.attachments().totalSize(leadId);
            for (NewAttachment file : files) {
                total += file.content().length;
            }
            if (total > maxLeadBytes) {
                throw AttachmentContent.refused("attachment.leadFull", AttachmentContent.megabytes(total),
                        AttachmentContent.megabytes(maxLeadBytes));
            }
            List<Attachment> added = new ArrayList<>();
            for (int i = 0; i < files.size(); i++) {
                NewAttachment file = files.get(i);
                String sha256 = AttachmentContent.sha256(file.content());
                tx.attachments().saveContent(sha256, types.get(i), file.content());
                Attachment attachment = new Attachment(UUID.randomUUID(), lead.id(),
                        file.kind() == null ? AttachmentKind.OTHER : file.kind(), blankToNull(file.note()),
                        fileName(file.fileName()), types.get(i), file.content().length, sha256,
                        clock.instant().plusNanos(i * 1000L), actor.username());
                tx.attachments().insert(attachment);
                added.add(attachment);
            }
            audit.leadChanged(tx, actor.username(), AuditAction.LEAD_ATTACHMENT_ADD, before, leadId);
            return added;
        });
    }

    /** The lead's attachments without their bytes, in the order they were added. */
    public List<Attachment> list(UUID leadId) {
        return store.read(tx -> {
            existing(tx, leadId);
            return tx.attachments().attachments(leadId);
        });
    }

    /**
     * The lead's attachments with their bytes, each checked against its SHA-256.
     *
     * @throws DamagedAttachmentException naming the first attachment whose bytes do not match
     */
    @Override
    public List<AttachedFile> filesOf(UUID leadId) {
        return store.read(tx -> {
            existing(tx, leadId);
            List<AttachedFile> files = new ArrayList<>();
            for (Attachment attachment : tx.attachments().attachments(leadId)) {
                files.add(checked(tx, attachment));
            }
            return files;
        });
    }

    /**
     * One attachment with its bytes, checked against its SHA-256.
     *
     * @throws DamagedAttachmentException when the bytes do not match
     */
    public AttachedFile read(UUID attachmentId) {
        return store.read(tx -> {
            Attachment attachment = attachment(tx, attachmentId);
            return checked(tx, attachment);
        });
    }

    /** Changes what the attachment shows and its note. */
    public Attachment change(UUID attachmentId, AttachmentKind kind, String note) {
        List<Problem> problems = new ArrayList<>();
        if (kind == null) {
            problems.add(Problem.of(Field.FILE, "attachment.kindMissing"));
        }
        checkNote(note, problems);
        failIfAny(problems);
        return store.write(tx -> {
            Attachment attachment = attachment(tx, attachmentId);
            LeadSnapshot before = audit.snapshotLead(tx, attachment.leadId());
            tx.attachments().update(attachmentId, kind, blankToNull(note));
            audit.leadChanged(tx, actor.username(), AuditAction.LEAD_ATTACHMENT_CHANGE, before, attachment.leadId());
            return tx.attachments().find(attachmentId).orElseThrow();
        });
    }

    /** Removes the attachment; its bytes go once no attachment points at them. */
    public void remove(UUID attachmentId) {
        store.write(tx -> {
            Attachment attachment = attachment(tx, attachmentId);
            LeadSnapshot before = audit.snapshotLead(tx, attachment.leadId());
            tx.attachments().delete(attachmentId);
            audit.leadChanged(tx, actor.username(), AuditAction.LEAD_ATTACHMENT_REMOVE, before, attachment.leadId());
            return null;
        });
    }

    /** Whether the acting user may read and change the lead's attachments. */
    public boolean mayChange(UUID leadId) {
        return store.read(tx -> {
            Lead lead = tx.leads().find(leadId).orElse(null);
            if (lead == null) {
                return false;
            }
            try {
                Access.requireCase(tx, actor, lead.committeeId());
                return true;
            } catch (cn.mediationdesk.logic.PermissionDeniedException e) {
                return false;
            }
        });
    }

    private static AttachedFile checked(Tx tx, Attachment attachment) {
        byte[] content = tx.attachments().content(attachment.sha256())
                .orElseThrow(() -> new DamagedAttachmentException(attachment));
        if (content.length != attachment.size() || !AttachmentContent.sha256(content).equals(attachment.sha256())) {
            throw new DamagedAttachmentException(attachment);
        }
        return new AttachedFile(attachment, content);
    }

    /** The attachment, once the actor may read its lead. */
    private Attachment attachment(Tx tx, UUID attachmentId) {
        Attachment attachment = tx.attachments().find(attachmentId)
                .orElseThrow(() -> new ValidationException(Problem.of(Field.FILE, "attachment.unknown")));
        existing(tx, attachment.leadId());
        return attachment;
    }

    private Lead existing(Tx tx, UUID leadId) {
        Lead lead = tx.leads().find(leadId)
                .orElseThrow(() -> new ValidationException(Problem.of(Field.LEAD, "rule.lead.unknown")));
        Access.requireCase(tx, actor, lead.committeeId());
        return lead;
    }

    private static void checkNote(String note, List<Problem> problems) {
        if (note != null && note.strip().length() > MAX_NOTE_LENGTH) {
            problems.add(Problem.of(Field.FILE, "attachment.noteTooLong", MAX_NOTE_LENGTH));
        }
    }

    /** The file's own name, without any folder, shortened (keeping its end) to what the database holds. */
    static String fileName(String name) {
        String plain = name == null ? "" : name.strip();
        int slash = Math.max(plain.lastIndexOf('/'), plain.lastIndexOf('\\'));
        plain = plain.substring(slash + 1);
        if (plain.isEmpty()) {
            plain = "-";
        }
        return plain.length() <= MAX_FILE_NAME_LENGTH ? plain : plain.substring(plain.length() - MAX_FILE_NAME_LENGTH);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static void failIfAny(List<Problem> problems) {
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
    }
}

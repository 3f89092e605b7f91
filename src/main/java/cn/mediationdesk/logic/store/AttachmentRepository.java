package cn.mediationdesk.logic.store;

import cn.mediationdesk.model.Attachment;
import cn.mediationdesk.model.AttachmentKind;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The scans and photos of leads (tables {@code attachment} and {@code attachment_content}): each
 * attachment points at its bytes by SHA-256, and the same bytes are stored once however often they
 * are attached. Checking the bytes against their SHA-256 is the caller's work.
 */
public interface AttachmentRepository {
    /** The lead's attachments (no bytes), in the order they were added. */
    default List<Attachment> attachments(UUID leadId) {
        return attachmentsByLead(List.of(leadId)).getOrDefault(leadId, List.of());
    }

    /** Many leads' attachments at once, by lead id, each lead's in the order they were added. */
    Map<UUID, List<Attachment>> attachmentsByLead(Collection<UUID> leadIds);

    Optional<Attachment> find(UUID id);

    /** The bytes stored under {@code sha256}, as stored (unchecked). */
    Optional<byte[]> content(String sha256);

    /** Stores {@code content} under {@code sha256} unless bytes are stored under it already. */
    void saveContent(String sha256, String mediaType, byte[] content);

    void insert(Attachment attachment);

    /** @return false when there is no such attachment */
    boolean update(UUID id, AttachmentKind kind, String note);

    /** Removes the attachment, and its bytes once no attachment points at them any more. */
    void delete(UUID id);

    /** Removes every attachment of the lead, and the bytes no attachment points at any more. */
    void deleteAll(UUID leadId);

    /** The sum of the sizes of the lead's attachments, in bytes. */
    long totalSize(UUID leadId);
}

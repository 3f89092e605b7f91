package cn.mediationdesk.model;

import java.time.Instant;
import java.util.UUID;

/**
 * A scan or photo attached to a lead. Its bytes are stored once per content, found by
 * {@code sha256} (lower-case hex) and checked against it whenever they are read.
 *
 * @param mediaType {@code application/pdf}, {@code image/jpeg} or {@code image/png}, as found in the content
 * @param fileName  the name the file had when attached, for the user's sake only
 */
public record Attachment(UUID id, UUID leadId, AttachmentKind kind, String note, String fileName, String mediaType,
                         long size, String sha256, Instant addedAt, String addedBy) {
}

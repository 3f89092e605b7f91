package cn.mediationdesk.logic.attachment;

import cn.mediationdesk.model.AttachmentKind;

/**
 * A file to attach, as the user chose it.
 *
 * @param fileName the file's own name (a path is cut down to it); for the user's sake only, the type comes from the bytes
 */
public record NewAttachment(String fileName, byte[] content, AttachmentKind kind, String note) {
}

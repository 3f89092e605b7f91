package cn.mediationdesk.logic.attachment;

import cn.mediationdesk.logic.ValidationException;
import cn.mediationdesk.model.AttachmentKind;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A file to attach, as the user chose it.
 *
 * @param fileName the file's own name (a path is cut down to it); for the user's sake only, the type comes from the bytes
 */
public record NewAttachment(String fileName, byte[] content, AttachmentKind kind, String note) {
    /**
     * Reads a file the user chose; one larger than {@link AttachmentContent#MAX_FILE_BYTES} is refused
     * before it is read into memory.
     *
     * @throws ValidationException naming the file when it is too large or cannot be read
     */
    public static NewAttachment fromFile(Path file, AttachmentKind kind, String note) {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        try {
            long size = Files.size(file);
            if (size > AttachmentContent.MAX_FILE_BYTES) {
                throw AttachmentContent.refused("attachment.tooLarge", name, AttachmentContent.megabytes(size),
                        AttachmentContent.megabytes(AttachmentContent.MAX_FILE_BYTES));
            }
            return new NewAttachment(name, Files.readAllBytes(file), kind, note);
        } catch (IOException e) {
            throw AttachmentContent.refused("attachment.unreadableFile", name);
        }
    }
}

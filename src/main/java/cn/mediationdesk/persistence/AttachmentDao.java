package cn.mediationdesk.persistence;

import cn.mediationdesk.logic.store.AttachmentRepository;
import cn.mediationdesk.model.Attachment;
import cn.mediationdesk.model.AttachmentKind;
import org.jdbi.v3.core.Handle;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** {@link AttachmentRepository} on the tables {@code attachment} and {@code attachment_content} of migration 11. */
final class AttachmentDao implements AttachmentRepository {
    private static final String COLUMNS = "id, lead_id, kind, note, file_name, media_type, byte_size, sha256, added_at, added_by";

    private final Handle handle;

    AttachmentDao(Handle handle) {
        this.handle = handle;
    }

    @Override
    public Map<UUID, List<Attachment>> attachmentsByLead(Collection<UUID> leadIds) {
        return leadIds.isEmpty() ? Map.of() : ByLead.lists(handle.createQuery("SELECT " + COLUMNS
                        + " FROM attachment WHERE lead_id IN (<leadIds>) ORDER BY lead_id, added_at, id")
                .bindList("leadIds", leadIds).map((rs, ctx) -> attachment(rs)).list(), Attachment::leadId);
    }

    @Override
    public Optional<Attachment> find(UUID id) {
        return handle.createQuery("SELECT " + COLUMNS + " FROM attachment WHERE id = :id")
                .bind("id", id).map((rs, ctx) -> attachment(rs)).findOne();
    }

    @Override
    public Optional<byte[]> content(String sha256) {
        return handle.createQuery("SELECT content FROM attachment_content WHERE sha256 = :sha256")
                .bind("sha256", sha256).map((rs, ctx) -> rs.getBytes(1)).findOne();
    }

    @Override
    public void saveContent(String sha256, String mediaType, byte[] content) {
        if (isPostgres()) {
            // Two PCs attaching the same bytes at once: the key, not a look-up made before, decides.
            handle.createUpdate("""
                            INSERT INTO attachment_content (sha256, media_type, byte_size, content)
                            VALUES (:sha256, :mediaType, :size, :content) ON CONFLICT (sha256) DO NOTHING""")
                    .bind("sha256", sha256).bind("mediaType", mediaType).bind("size", (long) content.length)
                    .bind("content", content).execute();
            return;
        }
        handle.createUpdate("""
                        INSERT INTO attachment_content (sha256, media_type, byte_size, content)
                        SELECT :sha256, :mediaType, :size, :content FROM (VALUES (1)) one
                        WHERE NOT EXISTS (SELECT 1 FROM attachment_content WHERE sha256 = :sha256)""")
                .bind("sha256", sha256).bind("mediaType", mediaType).bind("size", (long) content.length)
                .bind("content", content).execute();
    }

    @Override
    public void insert(Attachment a) {
        handle.createUpdate("""
                        INSERT INTO attachment (id, lead_id, kind, note, file_name, media_type, byte_size, sha256,
                                                added_at, added_by)
                        VALUES (:id, :leadId, :kind, :note, :fileName, :mediaType, :size, :sha256, :addedAt, :addedBy)""")
                .bind("id", a.id()).bind("leadId", a.leadId()).bind("kind", a.kind().name()).bind("note", a.note())
                .bind("fileName", a.fileName()).bind("mediaType", a.mediaType()).bind("size", a.size())
                .bind("sha256", a.sha256()).bind("addedAt", a.addedAt()).bind("addedBy", a.addedBy())
                .execute();
    }

    @Override
    public boolean update(UUID id, AttachmentKind kind, String note) {
        return handle.createUpdate("UPDATE attachment SET kind = :kind, note = :note WHERE id = :id")
                .bind("id", id).bind("kind", kind.name()).bind("note", note).execute() == 1;
    }

    @Override
    public void delete(UUID id) {
        Optional<Attachment> attachment = find(id);
        handle.createUpdate("DELETE FROM attachment WHERE id = :id").bind("id", id).execute();
        attachment.ifPresent(a -> deleteUnused(List.of(a.sha256())));
    }

    @Override
    public void deleteAll(UUID leadId) {
        List<String> contents = handle.createQuery("SELECT DISTINCT sha256 FROM attachment WHERE lead_id = :leadId")
                .bind("leadId", leadId).mapTo(String.class).list();
        handle.createUpdate("DELETE FROM attachment WHERE lead_id = :leadId").bind("leadId", leadId).execute();
        deleteUnused(contents);
    }

    /** Deletes those of {@code contents} no attachment points at any more. */
    private void deleteUnused(List<String> contents) {
        for (String sha256 : contents) {
            handle.createUpdate("""
                            DELETE FROM attachment_content WHERE sha256 = :sha256
                            AND NOT EXISTS (SELECT 1 FROM attachment WHERE sha256 = :sha256)""")
                    .bind("sha256", sha256).execute();
        }
    }

    @Override
    public long totalSize(UUID leadId) {
        return handle.createQuery("SELECT COALESCE(SUM(byte_size), 0) FROM attachment WHERE lead_id = :leadId")
                .bind("leadId", leadId).mapTo(Long.class).one();
    }

    private boolean isPostgres() {
        return PostgresRoles.isPostgres(handle);
    }

    private static Attachment attachment(ResultSet rs) throws SQLException {
        return new Attachment(rs.getObject("id", UUID.class), rs.getObject("lead_id", UUID.class),
                AttachmentKind.valueOf(rs.getString("kind")), rs.getString("note"), rs.getString("file_name"),
                rs.getString("media_type"), rs.getLong("byte_size"), rs.getString("sha256"),
                rs.getObject("added_at", OffsetDateTime.class).toInstant(), rs.getString("added_by"));
    }
}

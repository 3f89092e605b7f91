package cn.mediationdesk.logic.backup;

import cn.mediationdesk.logic.attachment.AttachedFile;
import cn.mediationdesk.logic.attachment.AttachmentService;
import cn.mediationdesk.logic.attachment.NewAttachment;
import cn.mediationdesk.logic.attachment.SampleFiles;
import cn.mediationdesk.logic.security.RoleFixture;
import cn.mediationdesk.logic.store.KeyRing;
import cn.mediationdesk.model.Attachment;
import cn.mediationdesk.model.AttachmentKind;
import cn.mediationdesk.persistence.Database;
import cn.mediationdesk.persistence.DatabaseLocation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A backup carries the attachments' bytes inside the database file, and a restore gives them back unchanged. */
class AttachmentBackupTest {
    @TempDir
    Path dir;

    private RoleFixture fixture;

    @BeforeEach
    void demo() {
        fixture = new RoleFixture(dir);
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    private AttachmentService attachments() {
        return new AttachmentService(fixture.database, RoleFixture.CLOCK, fixture.admin);
    }

    @Test
    void aRestoredBackupGivesTheAttachmentsBackByteForByte() {
        UUID lead = fixture.database.read(tx -> tx.exchange().leadIds(fixture.committeeA.id(), null, null).getFirst());
        // close to the limit a file may have: the whole of it must go through the backup
        byte[] largeScan = SampleFiles.noise(2400, 1);
        assertThat(largeScan.length).isGreaterThan(16 * 1024 * 1024);
        byte[] agreement = SampleFiles.pdf("调解协议书");
        List<Attachment> added = attachments().add(lead, List.of(
                new NewAttachment("证据.png", largeScan, AttachmentKind.EVIDENCE, "现场"),
                new NewAttachment("协议书.pdf", agreement, AttachmentKind.SIGNED_AGREEMENT, null)));
        Path base = fixture.database.embeddedFile().orElseThrow();
        Path backup = new BackupService(fixture.database, RoleFixture.CLOCK, fixture.admin).backUp().file();

        added.forEach(a -> attachments().remove(a.id()));
        assertThat(attachments().list(lead)).isEmpty();

        RestoreService restore = new RestoreService(base, (path, recovery) -> Database.open(
                DatabaseLocation.parse(path.toString()), false, KeyRing.inSettingsFolder(), recovery), RoleFixture.CLOCK);
        try (RestoreService.CheckedBackup checked = restore.check(backup, Optional.empty())) {
            fixture.database = (Database) restore.restore(checked, fixture.admin, fixture.database).store();
        }

        List<AttachedFile> restored = attachments().filesOf(lead);
        assertThat(restored).extracting(AttachedFile::attachment).containsExactlyElementsOf(added);
        assertThat(restored.get(0).content()).isEqualTo(largeScan);
        assertThat(restored.get(1).content()).isEqualTo(agreement);
    }
}

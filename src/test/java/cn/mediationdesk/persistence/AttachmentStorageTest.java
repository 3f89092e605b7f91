package cn.mediationdesk.persistence;

import cn.mediationdesk.logic.attachment.AttachmentService;
import cn.mediationdesk.logic.attachment.NewAttachment;
import cn.mediationdesk.logic.attachment.SampleFiles;
import cn.mediationdesk.logic.demo.DemoJurisdiction;
import cn.mediationdesk.logic.store.KeyRing;
import cn.mediationdesk.model.AttachmentKind;
import cn.mediationdesk.model.User;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** An attachment's bytes live in the database file: in clear in an unencrypted one, unreadable in an encrypted one. */
class AttachmentStorageTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-06-30T02:00:00Z"), ZoneId.of("Asia/Shanghai"));
    private static final String MARKER = "SCAN-MARKER-5f1c9e27-b84d-4a51-9c0e-2d7a6f3b8e14";

    @TempDir
    Path dir;

    private byte[] fileHoldingAnAttachment(String name, KeyRing keys) throws Exception {
        Path base = dir.resolve(name).resolve("mediationdesk");
        try (Database db = Database.open(DatabaseLocation.parse(base.toString()), true, keys)) {
            new DemoJurisdiction(db, CLOCK).create();
            UUID lead = db.read(tx -> tx.exchange().leadIds(tx.organization().committees().getFirst().id(), null, null)
                    .getFirst());
            new AttachmentService(db, CLOCK, User.setup()).add(lead, new NewAttachment("协议书.pdf",
                    SampleFiles.pdfShowing(MARKER), AttachmentKind.SIGNED_AGREEMENT, null));
        }
        return Files.readAllBytes(Path.of(base + ".mv.db"));
    }

    @Test
    void anAttachmentsBytesCannotBeReadInAnEncryptedFileWhileTheyStandInAPlainOne() throws Exception {
        Path settings = dir.resolve("settings");
        String plain = new String(fileHoldingAnAttachment("plain", KeyRing.unencrypted(settings)), StandardCharsets.ISO_8859_1);
        String encrypted = new String(fileHoldingAnAttachment("encrypted", KeyRing.in(settings)), StandardCharsets.ISO_8859_1);

        assertThat(plain).as("the control: the pattern is there to be found").contains(MARKER);
        assertThat(encrypted).startsWith("H2encrypt\n").doesNotContain(MARKER).doesNotContain("%PDF-");
    }
}

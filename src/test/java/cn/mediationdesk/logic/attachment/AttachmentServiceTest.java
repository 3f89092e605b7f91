package cn.mediationdesk.logic.attachment;

import cn.mediationdesk.logic.PermissionDeniedException;
import cn.mediationdesk.logic.ValidationException;
import cn.mediationdesk.logic.audit.AuditTrail;
import cn.mediationdesk.logic.lifecycle.LeadFile;
import cn.mediationdesk.logic.security.RoleFixture;
import cn.mediationdesk.model.Attachment;
import cn.mediationdesk.model.AttachmentKind;
import cn.mediationdesk.model.AuditEntry;
import cn.mediationdesk.model.Problem;
import cn.mediationdesk.model.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Attachments on the demo database, with an account of each role. */
class AttachmentServiceTest {
    @TempDir
    Path dir;

    private RoleFixture roles;
    private UUID leadOfA;

    @BeforeEach
    void demo() {
        roles = new RoleFixture(dir);
        leadOfA = roles.database.read(tx -> tx.exchange().leadIds(roles.committeeA.id(), null, null).getFirst());
    }

    @AfterEach
    void close() {
        roles.close();
    }

    private AttachmentService as(User user) {
        return new AttachmentService(roles.database, RoleFixture.CLOCK, user);
    }

    private static NewAttachment file(String name, byte[] content) {
        return new NewAttachment(name, content, AttachmentKind.EVIDENCE, "现场照片");
    }

    private static List<String> keys(ValidationException e) {
        return e.problems().stream().map(Problem::key).toList();
    }

    private boolean contentStored(String sha256) {
        return roles.database.read(tx -> tx.attachments().content(sha256).isPresent());
    }

    @Test
    void anAttachedFileComesBackByteForByteWithItsKindNoteAndType() {
        byte[] scan = SampleFiles.pdf("协议书");
        Attachment added = as(roles.directorA).add(leadOfA, new NewAttachment("C:\\扫描\\协议书.pdf", scan,
                AttachmentKind.SIGNED_AGREEMENT, " 双方签字 "));

        assertThat(added.fileName()).as("the file's own name, without its folder").isEqualTo("协议书.pdf");
        assertThat(added.mediaType()).isEqualTo(AttachmentContent.PDF);
        assertThat(added.size()).isEqualTo(scan.length);
        assertThat(added.sha256()).isEqualTo(AttachmentContent.sha256(scan)).hasSize(64);
        assertThat(added.note()).isEqualTo("双方签字");
        assertThat(added.addedBy()).isEqualTo("director");
        assertThat(as(roles.admin).list(leadOfA)).containsExactly(added);
        AttachedFile read = as(roles.directorA).read(added.id());
        assertThat(read.attachment()).isEqualTo(added);
        assertThat(read.content()).isEqualTo(scan);
        assertThat(as(roles.directorA).filesOf(leadOfA)).extracting(f -> f.content()).containsExactly(scan);
        LeadFile leadFile = roles.database.read(tx -> LeadFile.read(tx, tx.leads().find(leadOfA).orElseThrow()));
        assertThat(leadFile.attachments()).containsExactly(added);
    }

    @Test
    void theTypeComesFromTheContentNotFromTheName() {
        AttachmentService service = as(roles.admin);
        assertThat(service.add(leadOfA, file("照片.pdf", SampleFiles.png(40, 30, 1))).mediaType())
                .isEqualTo(AttachmentContent.PNG);
        assertThat(service.add(leadOfA, file("scan.png", SampleFiles.jpeg(40, 30, 2))).mediaType())
                .isEqualTo(AttachmentContent.JPEG);
        assertThat(service.add(leadOfA, file("无扩展名", SampleFiles.pdf("x"))).mediaType())
                .isEqualTo(AttachmentContent.PDF);

        ValidationException text = catchThrowableOfType(ValidationException.class, () -> service.add(leadOfA,
                file("协议.pdf", "这不是PDF".getBytes(StandardCharsets.UTF_8))));
        assertThat(keys(text)).containsExactly("attachment.unknownType");
        assertThat(text.problems().getFirst().args()).containsExactly("协议.pdf");
    }

    @Test
    void emptyOversizedDamagedEncryptedAndBombFilesAreRefusedNamingTheFile() {
        AttachmentService service = as(roles.admin);
        byte[] pdf = SampleFiles.pdf("x");
        byte[] tooLarge = new byte[(int) AttachmentContent.MAX_FILE_BYTES + 1];
        System.arraycopy(pdf, 0, tooLarge, 0, pdf.length);
        byte[] jpeg = SampleFiles.jpeg(64, 64, 3);
        byte[] brokenJpeg = SampleFiles.cut(jpeg, 3);
        brokenJpeg = java.util.Arrays.copyOf(brokenJpeg, 200); // the signature, then zeros

        record Case(String name, byte[] content, String key) {
        }
        for (Case c : List.of(new Case("空.pdf", new byte[0], "attachment.empty"),
                new Case("大.pdf", tooLarge, "attachment.tooLarge"),
                new Case("半截.pdf", SampleFiles.cut(pdf, pdf.length / 3), "attachment.pdfUnreadable"),
                new Case("加密.pdf", SampleFiles.encryptedPdf(), "attachment.pdfEncrypted"),
                new Case("坏.jpg", brokenJpeg, "attachment.imageUnreadable"),
                new Case("炸弹.png", SampleFiles.pngClaiming(100_000, 100_000), "attachment.imageTooLarge"),
                new Case("零宽.png", SampleFiles.pngClaiming(0, 10), "attachment.imageUnreadable"))) {
            ValidationException refused = catchThrowableOfType(ValidationException.class,
                    () -> service.add(leadOfA, file(c.name(), c.content())));
            assertThat(refused).as(c.name()).isNotNull();
            assertThat(keys(refused)).as(c.name()).containsExactly(c.key());
            assertThat(refused.problems().getFirst().args().getFirst()).as(c.name()).isEqualTo(c.name());
        }
        assertThat(service.list(leadOfA)).isEmpty();
    }

    @Test
    void oneBadFileRefusesTheWholeBatchAndNothingIsWritten() {
        byte[] good = SampleFiles.png(20, 20, 4);
        ValidationException refused = catchThrowableOfType(ValidationException.class, () -> as(roles.admin).add(leadOfA,
                List.of(file("好.png", good), file("坏.pdf", new byte[] {'%', 'P', 'D', 'F', '-', '1'}),
                        new NewAttachment("长.png", good, AttachmentKind.OTHER, "注".repeat(501)))));

        assertThat(keys(refused)).containsExactly("attachment.pdfUnreadable", "attachment.noteTooLong");
        assertThat(as(roles.admin).list(leadOfA)).isEmpty();
        assertThat(contentStored(AttachmentContent.sha256(good))).isFalse();
    }

    @Test
    void aCaseHoldsAttachmentsUpToItsLimit() {
        byte[] first = SampleFiles.png(30, 30, 5);
        byte[] second = SampleFiles.png(31, 31, 6);
        AttachmentService service = new AttachmentService(roles.database, RoleFixture.CLOCK, roles.admin,
                first.length + second.length - 1);
        service.add(leadOfA, file("一.png", first));

        assertThat(keys(catchThrowableOfType(ValidationException.class, () -> service.add(leadOfA, file("二.png", second)))))
                .containsExactly("attachment.leadFull");
        assertThat(service.list(leadOfA)).hasSize(1);
    }

    @Test
    void theSameBytesAreStoredOnceAndGoWithTheirLastAttachment() {
        byte[] photo = SampleFiles.jpeg(50, 40, 7);
        String sha256 = AttachmentContent.sha256(photo);
        UUID otherLead = roles.database.read(tx -> tx.exchange().leadIds(roles.committeeA.id(), null, null).get(1));
        AttachmentService service = as(roles.directorA);
        Attachment first = service.add(leadOfA, file("一.jpg", photo));
        Attachment again = service.add(otherLead, file("二.jpg", photo));
        assertThat(again.sha256()).isEqualTo(first.sha256()).isEqualTo(sha256);

        service.remove(first.id());
        assertThat(contentStored(sha256)).as("still attached to the other lead").isTrue();
        assertThat(service.read(again.id()).content()).isEqualTo(photo);

        service.remove(again.id());
        assertThat(contentStored(sha256)).isFalse();
        assertThat(keys(catchThrowableOfType(ValidationException.class, () -> service.read(again.id()))))
                .containsExactly("attachment.unknown");
    }

    @Test
    void kindAndNoteChangeAndEveryChangeIsOnTheAuditTrail() {
        AttachmentService service = as(roles.directorA);
        Attachment added = service.add(leadOfA, file("收据.png", SampleFiles.png(20, 20, 8)));
        Attachment changed = service.change(added.id(), AttachmentKind.PERFORMANCE_PROOF, "第一期付款收据");
        assertThat(changed.kind()).isEqualTo(AttachmentKind.PERFORMANCE_PROOF);
        assertThat(changed.note()).isEqualTo("第一期付款收据");
        assertThat(keys(catchThrowableOfType(ValidationException.class,
                () -> service.change(added.id(), null, null)))).containsExactly("attachment.kindMissing");
        service.remove(added.id());

        List<AuditEntry> history = roles.database.read(tx -> AuditTrail.onThisPc(RoleFixture.CLOCK).history(tx, leadOfA));
        assertThat(history).extracting(AuditEntry::action)
                .containsSubsequence("lead.attachmentAdd", "lead.attachmentChange", "lead.attachmentRemove");
        AuditEntry change = history.stream().filter(e -> e.action().equals("lead.attachmentChange")).findFirst().orElseThrow();
        assertThat(change.actor()).isEqualTo("director");
        assertThat(change.changes()).extracting(c -> c.field()).contains("attachment[0].kind", "attachment[0].note");
    }

    @Test
    void viewersAndOtherCommitteesNeitherSeeNorChangeACasesAttachments() {
        Attachment added = as(roles.directorA).add(leadOfA, file("证据.png", SampleFiles.png(20, 20, 9)));
        for (User outsider : List.of(roles.viewer, roles.mediatorB)) {
            AttachmentService service = as(outsider);
            assertThatThrownBy(() -> service.add(leadOfA, file("x.png", SampleFiles.png(5, 5, 1))))
                    .isInstanceOf(PermissionDeniedException.class);
            assertThatThrownBy(() -> service.list(leadOfA)).isInstanceOf(PermissionDeniedException.class);
            assertThatThrownBy(() -> service.filesOf(leadOfA)).isInstanceOf(PermissionDeniedException.class);
            assertThatThrownBy(() -> service.read(added.id())).isInstanceOf(PermissionDeniedException.class);
            assertThatThrownBy(() -> service.change(added.id(), AttachmentKind.OTHER, null))
                    .isInstanceOf(PermissionDeniedException.class);
            assertThatThrownBy(() -> service.remove(added.id())).isInstanceOf(PermissionDeniedException.class);
            assertThat(service.mayChange(leadOfA)).isFalse();
        }
        assertThat(as(roles.directorA).mayChange(leadOfA)).isTrue();
        assertThat(as(roles.admin).list(leadOfA)).containsExactly(added);
    }

    @Test
    void bytesChangedBehindTheApplicationsBackAreNeverHandedOut() throws Exception {
        byte[] scan = SampleFiles.png(20, 20, 10);
        Attachment added = as(roles.admin).add(leadOfA, file("身份证.png", scan));
        byte[] altered = scan.clone();
        altered[altered.length - 1] ^= 1;
        String hex = java.util.HexFormat.of().formatHex(altered);
        roles.behindTheApplicationsBack("UPDATE attachment_content SET content = "
                + (cn.mediationdesk.persistence.TestStores.onPostgres() ? "decode('" + hex + "', 'hex')" : "X'" + hex + "'")
                + " WHERE sha256 = '" + added.sha256() + "'");

        DamagedAttachmentException damaged = catchThrowableOfType(DamagedAttachmentException.class,
                () -> as(roles.admin).read(added.id()));
        assertThat(damaged.attachment().fileName()).isEqualTo("身份证.png");
        assertThat(damaged.describe(new cn.mediationdesk.logic.l10n.Localization(
                cn.mediationdesk.logic.l10n.Localization.CHINESE))).contains("身份证.png", added.sha256());
        assertThatThrownBy(() -> as(roles.admin).filesOf(leadOfA)).isInstanceOf(DamagedAttachmentException.class);
    }

    @Test
    void thumbnailsAreSmallPngsOfImagesAndOfAPdfsFirstPage() throws IOException {
        AttachmentService service = as(roles.admin);
        Attachment photo = service.add(leadOfA, file("大照片.jpg", SampleFiles.jpeg(1600, 1200, 11)));
        Attachment scan = service.add(leadOfA, file("协议.pdf", SampleFiles.pdf("协议")));

        BufferedImage ofPhoto = picture(Thumbnails.of(service.read(photo.id()), 160).orElseThrow());
        assertThat(Math.max(ofPhoto.getWidth(), ofPhoto.getHeight())).isEqualTo(160);
        assertThat(ofPhoto.getWidth()).isGreaterThan(ofPhoto.getHeight());
        BufferedImage ofScan = picture(Thumbnails.of(service.read(scan.id()), 160).orElseThrow());
        assertThat(ofScan.getHeight()).as("A4 stands upright").isGreaterThan(ofScan.getWidth()).isLessThanOrEqualTo(160);

        Attachment unreadable = new Attachment(UUID.randomUUID(), leadOfA, AttachmentKind.OTHER, null, "x.png",
                AttachmentContent.PNG, 3, "0".repeat(64), RoleFixture.CLOCK.instant(), null);
        assertThat(Thumbnails.of(new AttachedFile(unreadable, new byte[] {1, 2, 3}), 160)).isEmpty();
    }

    private static BufferedImage picture(byte[] png) throws IOException {
        assertThat(AttachmentContent.sniff(png)).isEqualTo(AttachmentContent.PNG);
        return ImageIO.read(new ByteArrayInputStream(png));
    }
}

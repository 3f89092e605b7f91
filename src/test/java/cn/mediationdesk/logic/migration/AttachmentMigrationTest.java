package cn.mediationdesk.logic.migration;

import cn.mediationdesk.logic.PermissionDeniedException;
import cn.mediationdesk.logic.attachment.AttachedFile;
import cn.mediationdesk.logic.attachment.AttachmentService;
import cn.mediationdesk.logic.attachment.NewAttachment;
import cn.mediationdesk.logic.attachment.SampleFiles;
import cn.mediationdesk.logic.demo.DemoJurisdiction;
import cn.mediationdesk.logic.organization.OrganizationService;
import cn.mediationdesk.logic.security.PasswordHasher;
import cn.mediationdesk.logic.security.UserService;
import cn.mediationdesk.model.Attachment;
import cn.mediationdesk.model.AttachmentKind;
import cn.mediationdesk.model.Committee;
import cn.mediationdesk.model.Role;
import cn.mediationdesk.model.User;
import cn.mediationdesk.persistence.Database;
import cn.mediationdesk.persistence.DatabaseLocation;
import cn.mediationdesk.persistence.PostgresTestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code migrate-to} PostgreSQL carries the attachments' bytes intact, and there a mediator attaches,
 * reads and removes files of their own committee's cases only, bytes shared with another committee's
 * case staying where they are used.
 */
@Tag("postgres")
class AttachmentMigrationTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-06-30T02:00:00Z"), ZoneId.of("Asia/Shanghai"));

    @TempDir
    Path dir;

    private Database source;
    private User admin;
    private User mediator;
    private List<Committee> committees;

    @BeforeEach
    void demoWithAttachments() {
        source = Database.open(DatabaseLocation.parse(dir.resolve("office").toString()), true);
        new DemoJurisdiction(source, CLOCK).create();
        UserService users = new UserService(source, CLOCK, new PasswordHasher(4));
        admin = users.createFirstAdmin("chief", "管理员", "chief-2024");
        committees = new OrganizationService(source, admin).chart().committees();
        mediator = users.addUser(admin, "zhang", "张三", "mediator-1", Role.MEDIATOR, committees.get(1).id());
    }

    @AfterEach
    void close() {
        source.close();
    }

    private UUID firstLeadOf(Database database, Committee committee) {
        return database.read(tx -> tx.exchange().leadIds(committee.id(), null, null).getFirst());
    }

    @Test
    void attachmentsArriveIntactAndAreKeptThereAsOnTheFile() {
        UUID own = firstLeadOf(source, committees.get(1));
        UUID elsewhere = firstLeadOf(source, committees.get(2));
        byte[] scan = SampleFiles.pdf("调解协议书");
        byte[] photo = SampleFiles.noise(300, 2);
        AttachmentService onFile = new AttachmentService(source, CLOCK, admin);
        List<Attachment> ownFiles = onFile.add(own, List.of(
                new NewAttachment("协议书.pdf", scan, AttachmentKind.SIGNED_AGREEMENT, "签字"),
                new NewAttachment("现场.png", photo, AttachmentKind.EVIDENCE, null)));
        Attachment otherCommittees = onFile.add(elsewhere, new NewAttachment("同一照片.png", photo,
                AttachmentKind.EVIDENCE, null));

        String database = PostgresTestServer.createDatabase();
        try {
            DatabaseLocation.Url url = (DatabaseLocation.Url) DatabaseLocation.parse(PostgresTestServer.url(database, null));
            try (Database target = Database.open(url, true)) {
                new MigrationService(source, CLOCK, admin).migrate(target, source.transferTo(target), "chief-2024");
                AttachmentService onServer = new AttachmentService(target, CLOCK, admin);
                List<AttachedFile> arrived = onServer.filesOf(own);
                assertThat(arrived).extracting(AttachedFile::attachment).containsExactlyElementsOf(ownFiles);
                assertThat(arrived).extracting(AttachedFile::content).containsExactly(scan, photo);
                assertThat(onServer.read(otherCommittees.id()).content()).isEqualTo(photo);
            }
            try (Database server = Database.open(url, false)) {
                AttachmentService service = new AttachmentService(server, CLOCK, mediator);
                assertThat(service.filesOf(own)).extracting(AttachedFile::content).containsExactly(scan, photo);
                byte[] receipt = SampleFiles.png(40, 40, 5);
                Attachment added = service.add(own, new NewAttachment("收据.png", receipt, AttachmentKind.PERFORMANCE_PROOF,
                        null));
                assertThat(service.read(added.id()).content()).isEqualTo(receipt);
                // bytes another committee also uses: attached again, they are not stored twice, and stay when removed here
                Attachment samePhoto = service.add(own, new NewAttachment("再传.png", photo, AttachmentKind.EVIDENCE, null));
                service.remove(samePhoto.id());
                service.remove(ownFiles.get(1).id());
                service.remove(added.id());
                assertThat(service.list(own)).extracting(Attachment::fileName).containsExactly("协议书.pdf");
                assertThatThrownBy(() -> service.read(otherCommittees.id())).isInstanceOf(PermissionDeniedException.class);
            }
            try (Database again = Database.open(url, false)) {
                AttachmentService onServer = new AttachmentService(again, CLOCK, admin);
                assertThat(onServer.read(otherCommittees.id()).content()).as("the other committee's copy").isEqualTo(photo);
                boolean receiptKept = again.read(tx -> tx.attachments().content(
                        cn.mediationdesk.logic.attachment.AttachmentContent.sha256(SampleFiles.png(40, 40, 5))).isPresent());
                assertThat(receiptKept).as("bytes no attachment points at are gone").isFalse();
            }
        } finally {
            PostgresTestServer.dropDatabase(database);
        }
    }
}

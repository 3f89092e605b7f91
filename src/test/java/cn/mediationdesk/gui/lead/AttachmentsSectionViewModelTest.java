package cn.mediationdesk.gui.lead;

import cn.mediationdesk.logic.attachment.AttachmentContent;
import cn.mediationdesk.logic.attachment.SampleFiles;
import cn.mediationdesk.model.Attachment;
import cn.mediationdesk.model.AttachmentKind;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The 附件 section on a real database, its work run at once: no screen. */
class AttachmentsSectionViewModelTest extends LeadEditorTestSupport {
    private final byte[] agreement = SampleFiles.pdf("调解协议书");
    private final byte[] receipt = SampleFiles.jpeg(800, 600, 4);

    private Path onDisk(String name, byte[] content) throws IOException {
        Path file = dir.resolve("desktop").resolve(name);
        Files.createDirectories(file.getParent());
        return Files.write(file, content);
    }

    private AttachmentsSectionViewModel withTwoFiles(LeadEditorViewModel editor) throws IOException {
        AttachmentsSectionViewModel vm = editor.attachments();
        vm.newKindProperty().set(AttachmentKind.SIGNED_AGREEMENT);
        vm.newNoteProperty().set("双方签字");
        vm.addFiles(List.of(onDisk("协议书.pdf", agreement), onDisk("收据.jpg", receipt)));
        return vm;
    }

    private List<Attachment> stored(LeadEditorViewModel editor) {
        return database.read(tx -> tx.attachments().attachments(editor.leadIdProperty().get()));
    }

    @Test
    void chosenFilesAreAttachedWithTheKindAndNoteAndShownAsThumbnails() throws IOException {
        LeadEditorViewModel editor = acceptedLead();
        AttachmentsSectionViewModel vm = withTwoFiles(editor);

        assertThat(vm.editableProperty().get()).isTrue();
        assertThat(vm.problemProperty().get()).isEmpty();
        assertThat(vm.noticeProperty().get()).isEqualTo("已附上 2 个文件。");
        assertThat(vm.newNoteProperty().get()).as("ready for the next files").isEmpty();
        assertThat(vm.tiles()).extracting(t -> t.attachment().fileName()).containsExactly("协议书.pdf", "收据.jpg");
        assertThat(vm.tiles()).extracting(t -> t.attachment().kind()).containsOnly(AttachmentKind.SIGNED_AGREEMENT);
        assertThat(vm.tiles()).extracting(t -> t.attachment().note()).containsOnly("双方签字");
        assertThat(vm.tiles()).allSatisfy(t -> {
            assertThat(t.pictureProperty().get()).isEqualTo(AttachmentTile.Picture.SHOWN);
            assertThat(AttachmentContent.sniff(t.thumbnailProperty().get())).isEqualTo(AttachmentContent.PNG);
        });
        assertThat(vm.kindLabel(AttachmentKind.PERFORMANCE_PROOF)).isEqualTo("履行凭证");
        assertThat(vm.typeLine(vm.tiles().getFirst().attachment())).isEqualTo("PDF 文件 · 0.0 MB");
        assertThat(stored(editor)).hasSize(2);

        LeadEditorViewModel reopened = open(editor.leadIdProperty().get());
        assertThat(reopened.attachments().tiles()).extracting(t -> t.attachment().fileName())
                .containsExactly("协议书.pdf", "收据.jpg");
    }

    @Test
    void aFileThatIsNoScanIsRefusedByNameAndNothingIsAttached() throws IOException {
        LeadEditorViewModel editor = acceptedLead();
        AttachmentsSectionViewModel vm = editor.attachments();

        vm.addFiles(List.of(onDisk("好.png", SampleFiles.png(20, 20, 1)),
                onDisk("合同.pdf", "只是文字".getBytes(StandardCharsets.UTF_8)), dir.resolve("不存在.pdf")));

        assertThat(vm.problemProperty().get()).contains("合同.pdf", "不是 PDF、JPEG 或 PNG 文件")
                .contains("不存在.pdf");
        assertThat(vm.tiles()).isEmpty();
        assertThat(stored(editor)).isEmpty();
    }

    @Test
    void kindAndNoteChangeInTheFormAndTheThumbnailStays() throws IOException {
        LeadEditorViewModel editor = acceptedLead();
        AttachmentsSectionViewModel vm = withTwoFiles(editor);
        AttachmentTile receiptTile = vm.tiles().get(1);
        byte[] picture = receiptTile.thumbnailProperty().get();

        vm.edit(receiptTile);
        assertThat(vm.editKindProperty().get()).isEqualTo(AttachmentKind.SIGNED_AGREEMENT);
        vm.editKindProperty().set(AttachmentKind.PERFORMANCE_PROOF);
        vm.editNoteProperty().set("第一期付款收据");
        vm.saveEdit();

        assertThat(vm.editingProperty().get()).isNull();
        AttachmentTile changed = vm.tiles().get(1);
        assertThat(changed.attachment().kind()).isEqualTo(AttachmentKind.PERFORMANCE_PROOF);
        assertThat(changed.attachment().note()).isEqualTo("第一期付款收据");
        assertThat(changed.thumbnailProperty().get()).isSameAs(picture);
        assertThat(stored(editor).get(1).kind()).isEqualTo(AttachmentKind.PERFORMANCE_PROOF);
    }

    @Test
    void removingAsksFirstAndKeepsTheAttachmentWhenTheUserSaysSo() throws IOException {
        LeadEditorViewModel editor = acceptedLead();
        AttachmentsSectionViewModel vm = withTwoFiles(editor);

        dialogs.answering(1);
        vm.remove(vm.tiles().getFirst());
        assertThat(vm.tiles()).hasSize(2);

        dialogs.answering(0);
        vm.remove(vm.tiles().getFirst());
        assertThat(vm.tiles()).extracting(t -> t.attachment().fileName()).containsExactly("收据.jpg");
        assertThat(vm.noticeProperty().get()).isEqualTo("已删除附件“协议书.pdf”。");
        assertThat(dialogs.shown()).filteredOn(s -> s.kind().equals("question"))
                .extracting(s -> s.header()).containsOnly("删除附件“协议书.pdf”？");
        assertThat(stored(editor)).hasSize(1);
    }

    @Test
    void copiesAreTheCheckedBytesSavedWhereTheUserSaysOrOpenedFromAPrivateFolder() throws IOException {
        LeadEditorViewModel editor = acceptedLead();
        AttachmentsSectionViewModel vm = withTwoFiles(editor);
        Path target = dir.resolve("copies").resolve("协议书副本.pdf");
        Files.createDirectories(target.getParent());

        dialogs.savingTo(target);
        vm.saveCopy(vm.tiles().getFirst());
        assertThat(Files.readAllBytes(target)).isEqualTo(agreement);
        assertThat(dialogs.shown()).filteredOn(s -> s.kind().equals("save")).singleElement()
                .satisfies(s -> assertThat(s.header()).isEqualTo("协议书.pdf"));

        List<Path> opened = new ArrayList<>();
        vm.openCopy(vm.tiles().get(1), opened::add);
        assertThat(opened).singleElement().satisfies(copy -> {
            assertThat(copy.getFileName().toString()).isEqualTo("收据.jpg");
            assertThat(Files.readAllBytes(copy)).isEqualTo(receipt);
            if (copy.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                assertThat(java.nio.file.attribute.PosixFilePermissions.toString(
                        Files.getPosixFilePermissions(copy.getParent()))).isEqualTo("rwx------");
            }
        });
    }

    @Test
    void aNewLeadHasNoAttachmentsUntilItIsRegistered() {
        LeadEditorViewModel editor = newLead("2022-12-01");
        assertThat(editor.attachments().tiles()).isEmpty();
        assertThat(editor.attachments().editableProperty().get()).isFalse();
        editor.details().save();
        assertThat(editor.attachments().editableProperty().get()).isTrue();
    }
}

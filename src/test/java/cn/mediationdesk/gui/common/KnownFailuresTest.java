package cn.mediationdesk.gui.common;

import cn.mediationdesk.gui.common.RecordingDialogService.Shown;
import cn.mediationdesk.logic.PermissionDeniedException;
import cn.mediationdesk.logic.attachment.DamagedAttachmentException;
import cn.mediationdesk.logic.files.OutputFileException;
import cn.mediationdesk.logic.l10n.Localization;
import cn.mediationdesk.logic.store.StorageException;
import cn.mediationdesk.model.Attachment;
import cn.mediationdesk.model.AttachmentKind;
import cn.mediationdesk.model.Problem;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletionException;

import static org.assertj.core.api.Assertions.assertThat;

/** The window shows a full disk, a read-only folder or a damaged database in the command line's words. */
class KnownFailuresTest {
    private static final Localization CHINESE = new Localization(Localization.CHINESE);

    private final RecordingDialogService dialogs = new RecordingDialogService();

    @Test
    void aStorageFaultIsAnErrorSayingWhatToDo() {
        StorageException full = new StorageException(StorageException.Reason.DISK_FULL, "/data/md.mv.db", null);

        assertThat(KnownFailures.showIfKnown(new CompletionException(full), dialogs, CHINESE)).isTrue();

        assertThat(dialogs.shown()).containsExactly(new Shown("error", CHINESE.text("gui.window.title"),
                "数据库出现问题", "数据库 /data/md.mv.db 所在的磁盘已满，没有保存任何内容。请在该磁盘上腾出空间后重试。"
                        + System.lineSeparator() + "问题解决后，请关闭调解台账再重新打开，才能继续保存。"));
    }

    @Test
    void aDamagedDatabaseSaysToRestoreTheNewestBackup() {
        StorageException damaged = new StorageException(StorageException.Reason.DAMAGED, "/data/md.mv.db", null);

        KnownFailures.showIfKnown(damaged, dialogs, CHINESE);

        assertThat(dialogs.shown().getFirst().message()).contains("/data/md.mv.db", "已损坏", "backups", "最新的备份")
                .doesNotContain("重新打开");
    }

    @Test
    void aDamagedAttachmentIsNamedAndNeverShownAsAFault() {
        Attachment scan = new Attachment(UUID.randomUUID(), UUID.randomUUID(), AttachmentKind.SIGNED_AGREEMENT, null,
                "协议书.jpg", "image/jpeg", 1024, "ab".repeat(32), Instant.EPOCH, "admin");
        DamagedAttachmentException damaged = new DamagedAttachmentException(scan);

        assertThat(KnownFailures.showIfKnown(new CompletionException(damaged), dialogs, CHINESE)).isTrue();

        Shown shown = dialogs.shown().getFirst();
        assertThat(shown.kind()).isEqualTo("error");
        assertThat(shown.header()).isEqualTo("内容已损坏");
        assertThat(shown.message()).isEqualTo(damaged.describe(CHINESE)).contains("协议书.jpg");
    }

    @Test
    void aFileNotSavedNamesTheFileAndTheReason() {
        Path file = Path.of("/mnt/u盘/报表.pdf");
        OutputFileException readOnly = new OutputFileException(OutputFileException.Reason.READ_ONLY, file, null);

        KnownFailures.showIfKnown(readOnly, dialogs, CHINESE);

        Shown shown = dialogs.shown().getFirst();
        assertThat(shown.kind()).isEqualTo("error");
        assertThat(shown.header()).isEqualTo("文件没有保存");
        assertThat(shown.message()).isEqualTo(readOnly.describe(CHINESE)).contains("只读");
    }

    @Test
    void screensThatHandTheirFailuresToRefusalsShowTheFaultsToo() {
        StorageException readOnly = new StorageException(StorageException.Reason.READ_ONLY, "/data/md.mv.db", null);
        PermissionDeniedException denied = new PermissionDeniedException(
                Problem.of(Problem.Field.USER, "cli.user.required"));

        assertThat(Refusals.noticeIfRefused(readOnly, dialogs, CHINESE)).isTrue();
        assertThat(Refusals.noticeIfRefused(denied, dialogs, CHINESE)).isTrue();

        assertThat(dialogs.shown()).extracting(Shown::kind).containsExactly("error", "information");
    }

    @Test
    void anythingElseIsLeftToTheScreen() {
        assertThat(KnownFailures.showIfKnown(new IllegalStateException("a bug"), dialogs, CHINESE)).isFalse();
        assertThat(dialogs.shown()).isEmpty();
    }

    @Test
    void aScreenWithAStatusLineShowsTheSameFailuresInTheSameWords() {
        PermissionDeniedException denied = new PermissionDeniedException(
                Problem.of(Problem.Field.USER, "cli.user.required"));
        StorageException full = new StorageException(StorageException.Reason.DISK_FULL, "/data/md.mv.db", null);

        assertThat(KnownFailures.statusLine(new CompletionException(denied), CHINESE, "gui.agenda.failed"))
                .isEqualTo(CHINESE.message(denied.problem()));
        assertThat(KnownFailures.statusLine(full, CHINESE, "gui.agenda.failed")).isEqualTo(full.describe(CHINESE));
        assertThat(KnownFailures.statusLine(new IllegalStateException("a bug"), CHINESE, "gui.agenda.failed"))
                .isEqualTo(CHINESE.text("gui.agenda.failed")).doesNotContain("a bug");
        assertThat(dialogs.shown()).isEmpty();
    }
}

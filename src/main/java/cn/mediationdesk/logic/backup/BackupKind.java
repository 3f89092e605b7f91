package cn.mediationdesk.logic.backup;

import java.util.Arrays;
import java.util.Optional;

/** Why a backup was made; part of its file name, so the list of backups says it at a glance. */
public enum BackupKind {
    /** Asked for: the {@code backup} command or 立即备份. */
    MANUAL("manual"),
    /** Made when the window closed. */
    EXIT("exit"),
    /** The first of the day, made when the database is first used that day. */
    DAILY("daily"),
    /** The database as it was before a restore replaced it. */
    BEFORE_RESTORE("before-restore"),
    /** Made when an unencrypted database was encrypted by this version. */
    ENCRYPTED("encrypted");

    private final String code;

    BackupKind(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    static Optional<BackupKind> of(String code) {
        return Arrays.stream(values()).filter(kind -> kind.code.equals(code)).findFirst();
    }
}

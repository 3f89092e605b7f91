package cn.mediationdesk.logic.migration;

/**
 * A check after copying a database into a server failed; the target was put back as it was.
 * {@link #key()} names the check in the message bundle, {@link #detail()} what differed.
 */
public final class MigrationCheckFailedException extends RuntimeException {
    private final String key;
    private final String detail;

    public MigrationCheckFailedException(String key, String detail, Throwable cause) {
        super(key + ": " + detail, cause);
        this.key = key;
        this.detail = detail;
    }

    public String key() {
        return key;
    }

    public String detail() {
        return detail;
    }
}

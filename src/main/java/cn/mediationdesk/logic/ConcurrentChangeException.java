package cn.mediationdesk.logic;

import java.util.UUID;

/** Someone else saved the same lead after it was read: the change was not written. */
public class ConcurrentChangeException extends RuntimeException {
    private final UUID leadId;

    public ConcurrentChangeException(UUID leadId) {
        super("lead " + leadId + " was changed by someone else");
        this.leadId = leadId;
    }

    public UUID leadId() {
        return leadId;
    }
}

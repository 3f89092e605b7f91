package cn.mediationdesk.gui.common;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Remembers which leads a screen asked to open, instead of opening editor windows. */
public final class RecordingLeadOpener implements LeadOpener {
    private final List<UUID> opened = new ArrayList<>();
    private int newLeads;

    @Override
    public void open(UUID leadId) {
        opened.add(leadId);
    }

    @Override
    public void openNew() {
        newLeads++;
    }

    public List<UUID> opened() {
        return opened;
    }

    public int newLeads() {
        return newLeads;
    }
}

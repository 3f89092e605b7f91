package cn.mediationdesk.model;

/** The roles people hold in and around a committee. */
public enum PersonRole {
    FULL_TIME_MEDIATOR, PART_TIME_MEDIATOR, LEGAL_ADVISER, LEGAL_LAYPERSON, GRID_WORKER;

    public boolean mediates() {
        return this == FULL_TIME_MEDIATOR || this == PART_TIME_MEDIATOR;
    }
}

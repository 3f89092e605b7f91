package cn.mediationdesk.model;

/** 网格: a sub-area of a community, looked after by a grid worker. */
public record Grid(long id, long communityId, String name, Long gridWorkerId, boolean active) {
}

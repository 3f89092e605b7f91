package cn.mediationdesk.model;

/** 社区 / 村: where a dispute happens. Never deleted once a lead refers to it, only deactivated. */
public record Community(long id, String code, String name, boolean active) {
}

package cn.mediationdesk.model;

/** A mediator, legal adviser, 法律明白人 or grid worker, and the committee they belong to. */
public record Person(long id, String name, PersonRole role, Long committeeId, String phone, boolean active) {
}

package cn.mediationdesk.model;

import java.time.Instant;

/** The area one installation serves, e.g. 金宝新区. A database holds exactly one. */
public record Jurisdiction(String name, Instant createdAt) {
}

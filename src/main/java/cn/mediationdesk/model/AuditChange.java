package cn.mediationdesk.model;

/**
 * One field an audited change touched, e.g. {@code party[0].name}: 张某 → 张三. ID-card and phone
 * numbers are masked, a password is never shown; {@code null} means the field had no value.
 */
public record AuditChange(String field, String oldValue, String newValue) {
}

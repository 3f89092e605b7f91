package cn.mediationdesk.model;

/**
 * 人民调解委员会. A committee is not a community: tallies exist for both.
 *
 * @param shortName the name used in case numbers, e.g. 金宝 in (2022)金宝人调字第012号
 * @param communityId the community a community-level committee serves, else {@code null}
 */
public record Committee(long id, String code, String name, String shortName, CommitteeKind kind,
                        Long communityId, boolean active) {
}

package cn.mediationdesk.logic.organization;

import cn.mediationdesk.model.Committee;
import cn.mediationdesk.model.Community;

import java.util.List;
import java.util.Optional;

/** Finds a community or committee the way users name them: by code or by full name. */
public final class OrganizationLookup {
    private OrganizationLookup() {
    }

    public static Optional<Community> community(List<Community> communities, String nameOrCode) {
        String key = nameOrCode.strip();
        return communities.stream().filter(c -> c.code().equalsIgnoreCase(key)).findFirst()
                .or(() -> communities.stream().filter(c -> c.name().equals(key)).findFirst());
    }

    public static Optional<Committee> committee(List<Committee> committees, String nameOrCode) {
        String key = nameOrCode.strip();
        return committees.stream().filter(c -> c.code().equalsIgnoreCase(key)).findFirst()
                .or(() -> committees.stream().filter(c -> c.name().equals(key)).findFirst());
    }
}

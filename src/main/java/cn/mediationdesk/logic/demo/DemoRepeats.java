package cn.mediationdesk.logic.demo;

import cn.mediationdesk.logic.lifecycle.LifecycleService;
import cn.mediationdesk.logic.lifecycle.PartyInput;
import cn.mediationdesk.logic.lifecycle.Reassessment;
import cn.mediationdesk.logic.repeat.RepeatService;
import cn.mediationdesk.model.Gender;
import cn.mediationdesk.model.Lead;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The demo's repeat dispute: one neighbour, known by name and address (the demo carries no ID or phone
 * numbers, as it carries no real person), is the applicant of
 * three leads of one committee, the last marked as the recurrence (矛盾反复) of the one before; and two
 * leads reassessed at the level they had, so that their risk history has entries. Nothing here
 * changes a count: parties, marks and unchanged levels are not tallied.
 */
final class DemoRepeats {
    static final String ADDRESS = "金宝新区幸福社区3组12号";
    /** The kind of dispute that keeps coming back between neighbours. */
    private static final String TYPE = "NEIGHBOR";

    private final List<DemoLead> repeated;

    /**
     * Chooses three neighbour disputes of the committee that has most, makes the neighbour their
     * applicant and words the later two as the same quarrel again, before they are registered. Their
     * type, dates and outcomes stay, so every count does.
     */
    DemoRepeats(List<DemoLead> plan) {
        Map<Integer, List<DemoLead>> byCommittee = plan.stream()
                .filter(l -> TYPE.equals(l.type) && !l.parties.isEmpty())
                .sorted(Comparator.comparing((DemoLead l) -> l.foundOn))
                .collect(java.util.stream.Collectors.groupingBy(l -> l.committee, java.util.TreeMap::new,
                        java.util.stream.Collectors.toList()));
        repeated = byCommittee.values().stream().max(Comparator.comparingInt(List::size)).orElse(List.of())
                .stream().limit(3).toList();
        if (repeated.size() < 3) {
            return;
        }
        String name = repeated.getFirst().applicant();
        PartyInput first = repeated.getFirst().parties.getFirst();
        PartyInput neighbour = new PartyInput(name, first.gender() == null ? Gender.MALE : first.gender(), null, null,
                ADDRESS, first.role());
        for (DemoLead lead : repeated) {
            List<PartyInput> parties = new ArrayList<>(lead.parties);
            parties.set(0, neighbour);
            lead.parties = List.copyOf(parties);
        }
        repeated.get(1).summary = name + "反映邻居又在两家之间的通道堆放杂物，双方再次发生争执";
        repeated.get(2).summary = name + "反映邻居家排水沟再次堵塞，污水流入其院内，双方又起争执";
    }

    /** Once every lead is registered: the recurrence mark and the reassessments. */
    void record(LifecycleService lifecycle, RepeatService repeats, Map<DemoLead, UUID> ids) {
        if (repeated.size() < 3) {
            return;
        }
        UUID second = ids.get(repeated.get(1));
        UUID third = ids.get(repeated.get(2));
        repeats.markRecurrence(third, second, "同一户邻里的排水纠纷再次发生");
        for (DemoLead plan : repeated.subList(1, 3)) {
            UUID id = ids.get(plan);
            Lead lead = lifecycle.file(id).lead();
            boolean closed = plan.closedOn != null;
            LocalDate later = closed ? plan.closedOn : plan.verifiedOn != null ? plan.verifiedOn : plan.foundOn;
            lifecycle.reassess(id, lead.version(), new Reassessment(later, lead.risk(), lead.criminalRisk(),
                    lead.groupRisk(), closed ? "结案时复评：矛盾已化解，维持原等级" : "核实后复评：双方情绪平稳，维持原等级"));
        }
    }
}

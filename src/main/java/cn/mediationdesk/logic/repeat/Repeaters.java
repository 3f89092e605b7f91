package cn.mediationdesk.logic.repeat;

import java.util.List;

/** The people and the addresses with the most leads in a period, most first. */
public record Repeaters(List<Repeater> people, List<Repeater> addresses) {
    public Repeaters {
        people = List.copyOf(people);
        addresses = List.copyOf(addresses);
    }
}

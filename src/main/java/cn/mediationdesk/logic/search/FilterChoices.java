package cn.mediationdesk.logic.search;

import cn.mediationdesk.model.Committee;
import cn.mediationdesk.model.Community;
import cn.mediationdesk.model.DictionaryEntry;

import java.util.List;

/**
 * What a filter can choose from: the communities and committees (active or not, since old leads
 * refer to deactivated ones) and the dictionaries, each ordered as the dictionary orders it.
 */
public record FilterChoices(List<Community> communities, List<Committee> committees, List<DictionaryEntry> types,
                            List<DictionaryEntry> sources, List<DictionaryEntry> sourceGroups,
                            List<DictionaryEntry> risks) {
    public FilterChoices {
        communities = List.copyOf(communities);
        committees = List.copyOf(committees);
        types = List.copyOf(types);
        sources = List.copyOf(sources);
        sourceGroups = List.copyOf(sourceGroups);
        risks = List.copyOf(risks);
    }
}

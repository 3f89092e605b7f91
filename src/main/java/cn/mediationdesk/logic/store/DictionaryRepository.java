package cn.mediationdesk.logic.store;

import cn.mediationdesk.model.DictionaryEntry;
import cn.mediationdesk.model.DictionaryKind;

import java.util.List;

public interface DictionaryRepository {
    /** Every entry of a dictionary, active or not, ordered by code. */
    List<DictionaryEntry> entries(DictionaryKind kind);
}

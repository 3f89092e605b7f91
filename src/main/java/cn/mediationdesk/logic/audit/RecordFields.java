package cn.mediationdesk.logic.audit;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A record as a sorted map of field → text, the form in which the audit trail compares, digests
 * and shows states: nested records become {@code caseNumber.year}, lists {@code party[0].name};
 * a field without a value is left out, so "absent" and "null" are the same.
 */
public final class RecordFields {
    /**
     * Each record class's components with their accessors, found once: {@code getRecordComponents}
     * parses the class anew and copies on every call, which was most of an import's audit snapshots.
     */
    private static final ClassValue<List<Component>> COMPONENTS = new ClassValue<>() {
        @Override
        protected List<Component> computeValue(Class<?> type) {
            return Arrays.stream(type.getRecordComponents())
                    .map(c -> new Component(c.getName(), c.getAccessor())).toList();
        }
    };

    private record Component(String name, Method accessor) {
    }

    private RecordFields() {
    }

    /** The fields of {@code record} but the {@code excluded} ones (ids, version counters …). */
    public static SortedMap<String, String> of(Record record, String... excluded) {
        SortedMap<String, String> fields = new TreeMap<>();
        put(fields, "", record, Set.of(excluded));
        return fields;
    }

    /** Adds {@code value} under {@code name} (nested records and lists expanded), leaving out {@code excluded} components. */
    static void put(Map<String, String> fields, String name, Object value, Set<String> excluded) {
        switch (value) {
            case null -> { }
            case Optional<?> optional -> put(fields, name, optional.orElse(null), excluded);
            case Record record -> {
                for (Component component : COMPONENTS.get(record.getClass())) {
                    if (!excluded.contains(component.name())) {
                        String child = name.isEmpty() ? component.name() : name + "." + component.name();
                        put(fields, child, read(record, component), Set.of());
                    }
                }
            }
            case Collection<?> list -> {
                int i = 0;
                for (Object item : list) {
                    put(fields, name + "[" + i++ + "]", item, excluded);
                }
            }
            case Enum<?> e -> fields.put(name, e.name());
            case BigDecimal number -> fields.put(name, number.stripTrailingZeros().toPlainString());
            default -> fields.put(name, value.toString());
        }
    }

    private static Object read(Record record, Component component) {
        try {
            return component.accessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + component.name() + " of " + record.getClass(), e);
        }
    }
}

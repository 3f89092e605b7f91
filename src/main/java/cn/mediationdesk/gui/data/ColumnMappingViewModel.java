package cn.mediationdesk.gui.data;

import cn.mediationdesk.logic.l10n.Localization;
import cn.mediationdesk.logic.ledger.ColumnMapping;
import cn.mediationdesk.logic.ledger.HeaderSuggestions;
import cn.mediationdesk.logic.ledger.LedgerColumn;
import cn.mediationdesk.logic.ledger.MappingDraft;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The import wizard's mapping step for a file in an office's own layout: which of our columns each
 * of their columns is, what our columns nobody feeds take (another of their columns, or one value
 * for every row), and which of our values their words stand for. Starts from a proposal or a saved
 * profile; {@link #mapping()} is what the importer reads the file through.
 */
public final class ColumnMappingViewModel {
    /** Our columns offered below the table when no column of theirs is them: the required ones and the steps of a case. */
    private static final Set<LedgerColumn> FILLABLE = EnumSet.of(LedgerColumn.FOUND_ON, LedgerColumn.SOURCE,
            LedgerColumn.COMMUNITY, LedgerColumn.COMMITTEE, LedgerColumn.DISPUTE_TYPE, LedgerColumn.SUMMARY,
            LedgerColumn.VERIFIED_ON, LedgerColumn.VERIFICATION, LedgerColumn.ACCEPTED_ON);
    private static final int SAMPLES = 3;

    /** One column of their file. */
    public static final class TheirColumn {
        private final String header;
        private final String samples;
        private final ObjectProperty<LedgerColumn> column = new SimpleObjectProperty<>();

        TheirColumn(String header, String samples) {
            this.header = header;
            this.samples = samples;
        }

        public String header() {
            return header;
        }

        /** A few of its values, to tell what it holds. */
        public String samples() {
            return samples;
        }

        /** Our column it is, or {@code null} when it is not imported. */
        public ObjectProperty<LedgerColumn> columnProperty() {
            return column;
        }
    }

    /** One of our columns that no column of theirs is. */
    public static final class OurColumn {
        private final LedgerColumn column;
        private final ObjectProperty<String> sameAs = new SimpleObjectProperty<>();
        private final StringProperty fixedValue = new SimpleStringProperty("");

        OurColumn(LedgerColumn column) {
            this.column = column;
        }

        public LedgerColumn column() {
            return column;
        }

        /** Their column it is read from as well (an office's one date for several of ours), or {@code null}. */
        public ObjectProperty<String> sameAsProperty() {
            return sameAs;
        }

        /** The value every row has, when it is read from no column. */
        public StringProperty fixedValueProperty() {
            return fixedValue;
        }
    }

    /** One of their values in a column of ours that holds codes or names. */
    public static final class TheirValue {
        private final String header;
        private final LedgerColumn column;
        private final String value;
        private final List<Map.Entry<String, String>> choices;
        private final ObjectProperty<String> ours = new SimpleObjectProperty<>();

        TheirValue(String header, LedgerColumn column, String value, List<Map.Entry<String, String>> choices) {
            this.header = header;
            this.column = column;
            this.value = value;
            this.choices = choices;
        }

        public String header() {
            return header;
        }

        public LedgerColumn column() {
            return column;
        }

        public String value() {
            return value;
        }

        /** Our codes this value may stand for: code → label. */
        public List<Map.Entry<String, String>> choices() {
            return choices;
        }

        /** Our code for it, or {@code null} to read it as it is written. */
        public ObjectProperty<String> oursProperty() {
            return ours;
        }
    }

    private final Localization l10n;
    private final ObservableList<TheirColumn> theirColumns = FXCollections.observableArrayList();
    private final Map<LedgerColumn, OurColumn> ourColumnsByKind = new EnumMap<>(LedgerColumn.class);
    private final ObservableList<OurColumn> ourColumns = FXCollections.observableArrayList();
    private final ObservableList<TheirValue> values = FXCollections.observableArrayList();
    /** Chosen values kept while a column is switched back and forth: header → (their value → ours). */
    private final Map<String, Map<String, String>> chosenValues = new LinkedHashMap<>();
    private final ReadOnlyStringWrapper missing = new ReadOnlyStringWrapper("");
    private MappingDraft draft;

    public ColumnMappingViewModel(Localization l10n) {
        this.l10n = l10n;
    }

    /** Sets the step up for a file, from {@code basis}: the draft's proposal or a saved profile. */
    void load(MappingDraft draft, ColumnMapping basis) {
        this.draft = draft;
        values.clear();
        chosenValues.clear();
        basis.valueMaps().forEach((header, map) -> chosenValues.put(header, new LinkedHashMap<>(map)));
        List<TheirColumn> columns = new ArrayList<>();
        Set<LedgerColumn> taken = EnumSet.noneOf(LedgerColumn.class);
        for (String h : draft.table().header()) {
            String header = h.strip();
            if (header.isEmpty() || columns.stream().anyMatch(c -> c.header.equals(header))) {
                continue;
            }
            TheirColumn column = new TheirColumn(header, String.join(l10n.isChinese() ? "、" : ", ",
                    draft.distinctValues(header).stream().limit(SAMPLES).toList()));
            List<LedgerColumn> fed = basis.columnsOf(header);
            LedgerColumn first = fed.isEmpty() ? LedgerColumn.byHeader(header).orElse(null) : fed.getFirst();
            if (first != null && taken.add(first)) {
                column.column.set(first);
            }
            column.column.addListener((obs, old, now) -> refresh());
            columns.add(column);
        }
        theirColumns.setAll(columns);
        ourColumnsByKind.clear();
        for (LedgerColumn kind : FILLABLE) {
            OurColumn our = new OurColumn(kind);
            basis.columns().forEach((header, fed) -> {
                if (fed.indexOf(kind) > 0) {
                    our.sameAs.set(header);
                }
            });
            our.fixedValue.set(Optional.ofNullable(basis.fixedValues().get(kind)).map(v -> label(kind, v)).orElse(""));
            our.sameAs.addListener((obs, old, now) -> missing.set(missingText()));
            our.fixedValue.addListener((obs, old, now) -> missing.set(missingText()));
            ourColumnsByKind.put(kind, our);
        }
        refresh();
    }

    /** Applies a saved profile to the file now being mapped. */
    void apply(ColumnMapping profile) {
        if (draft != null) {
            load(draft, profile);
        }
    }

    boolean loaded() {
        return draft != null;
    }

    void clear() {
        draft = null;
        theirColumns.clear();
        ourColumns.clear();
        values.clear();
        chosenValues.clear();
        ourColumnsByKind.clear();
        missing.set("");
    }

    /** Our columns nobody feeds and the value list follow the columns chosen. */
    private void refresh() {
        Set<LedgerColumn> chosen = theirColumns.stream().map(c -> c.column.get()).filter(Objects::nonNull)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(LedgerColumn.class)));
        ourColumns.setAll(ourColumnsByKind.values().stream().filter(o -> !chosen.contains(o.column)).toList());
        values.forEach(v -> {
            if (v.ours.get() != null) {
                chosenValues.computeIfAbsent(v.header, h -> new LinkedHashMap<>()).put(v.value, v.ours.get());
            } else if (chosenValues.containsKey(v.header)) {
                chosenValues.get(v.header).remove(v.value);
            }
        });
        List<TheirValue> list = new ArrayList<>();
        for (TheirColumn their : theirColumns) {
            LedgerColumn column = their.column.get();
            if (column == null || !HeaderSuggestions.CODED.contains(column)) {
                continue;
            }
            var choices = draft.choices(column);
            for (String value : draft.distinctValues(their.header)) {
                if (draft.isOurs(column, value)) {
                    continue;
                }
                TheirValue row = new TheirValue(their.header, column, value, choices);
                String kept = chosenValues.getOrDefault(their.header, Map.of()).get(value);
                String code = kept != null ? code(column, kept) : draft.suggestedValue(column, value).orElse(null);
                row.ours.set(choices.stream().anyMatch(c -> c.getKey().equals(code)) ? code : null);
                list.add(row);
            }
        }
        values.setAll(list);
        missing.set(missingText());
    }

    /** The code for a value a profile or the user wrote as a code or a label. */
    private String code(LedgerColumn column, String value) {
        return draft.choices(column).stream().filter(c -> c.getKey().equals(value) || c.getValue().equals(value))
                .map(Map.Entry::getKey).findFirst().orElse(value);
    }

    private String label(LedgerColumn column, String value) {
        if (draft == null) {
            return value;
        }
        return draft.choices(column).stream().filter(c -> c.getKey().equals(value)).map(Map.Entry::getValue)
                .findFirst().orElse(value);
    }

    /** The mapping as now chosen. */
    public ColumnMapping mapping() {
        Map<String, List<LedgerColumn>> columns = new LinkedHashMap<>();
        for (TheirColumn their : theirColumns) {
            if (their.column.get() != null) {
                columns.computeIfAbsent(their.header, h -> new ArrayList<>()).add(their.column.get());
            }
        }
        Map<LedgerColumn, String> fixed = new EnumMap<>(LedgerColumn.class);
        for (OurColumn our : ourColumns) {
            if (our.sameAs.get() != null && columns.containsKey(our.sameAs.get())) {
                columns.get(our.sameAs.get()).add(our.column);
            } else if (our.sameAs.get() == null && !our.fixedValue.get().isBlank()) {
                fixed.put(our.column, our.fixedValue.get().strip());
            }
        }
        Map<String, Map<String, String>> valueMaps = new LinkedHashMap<>();
        for (TheirValue value : values) {
            if (value.ours.get() != null) {
                valueMaps.computeIfAbsent(value.header, h -> new LinkedHashMap<>()).put(value.value, value.ours.get());
            }
        }
        return new ColumnMapping(columns, fixed, valueMaps);
    }

    /** Required columns of ours that neither a column of theirs nor a fixed value fills, in a sentence; empty when none. */
    public String missingText() {
        ColumnMapping mapping = mapping();
        Set<LedgerColumn> fed = EnumSet.noneOf(LedgerColumn.class);
        mapping.columns().values().forEach(fed::addAll);
        fed.addAll(mapping.fixedValues().keySet());
        String missing = Arrays.stream(LedgerColumn.values()).filter(c -> c.required() && !fed.contains(c))
                .map(LedgerColumn::header).collect(Collectors.joining(l10n.isChinese() ? "、" : ", "));
        return missing.isEmpty() ? "" : l10n.text("gui.data.mapping.missing", missing);
    }

    // ---- for the view ----

    /** {@link #missingText()}, kept up to date. */
    public ReadOnlyStringProperty missingProperty() {
        return missing.getReadOnlyProperty();
    }

    public ObservableList<TheirColumn> theirColumns() {
        return theirColumns;
    }

    public ObservableList<OurColumn> ourColumns() {
        return ourColumns;
    }

    public ObservableList<TheirValue> values() {
        return values;
    }

    /** Our columns for a column of theirs to be, {@code null} (not imported) first. */
    public List<LedgerColumn> columnChoices() {
        List<LedgerColumn> choices = new ArrayList<>();
        choices.add(null);
        choices.addAll(List.of(LedgerColumn.values()));
        return choices;
    }

    /** Their headers one of our columns may be read from as well, {@code null} (none) first. */
    public List<String> sameAsChoices() {
        List<String> choices = new ArrayList<>();
        choices.add(null);
        theirColumns.stream().filter(c -> c.column.get() != null).map(TheirColumn::header).forEach(choices::add);
        return choices;
    }

    /** The values one of our columns may be fixed to, as a ledger writes them; empty for free text. */
    public List<String> fixedChoices(LedgerColumn column) {
        if (draft == null) {
            return List.of();
        }
        return draft.choices(column).stream().map(Map.Entry::getValue).toList();
    }

    public String columnLabel(LedgerColumn column) {
        if (column == null) {
            return l10n.text("gui.data.mapping.notImported");
        }
        return column.header() + " (" + column.alias() + ")" + (column.required() ? " *" : "");
    }

    public String sameAsLabel(String header) {
        return header == null ? l10n.text("gui.data.mapping.fixedInstead") : l10n.text("gui.data.mapping.sameAs", header);
    }

    /** Our value's label, or "as written" for none. */
    public String valueLabel(TheirValue row, String code) {
        if (code == null) {
            return l10n.text("gui.data.mapping.asWritten");
        }
        return row.choices.stream().filter(c -> c.getKey().equals(code)).map(Map.Entry::getValue).findFirst()
                .orElse(code);
    }

    /** Codes a value may be mapped to, {@code null} (as written) first. */
    public List<String> valueChoices(TheirValue row) {
        List<String> codes = new ArrayList<>();
        codes.add(null);
        row.choices.forEach(c -> codes.add(c.getKey()));
        return codes;
    }
}

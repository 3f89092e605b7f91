package cn.mediationdesk.gui.audit;

import cn.mediationdesk.gui.common.Refusals;
import cn.mediationdesk.gui.common.TaskExecutor;
import cn.mediationdesk.logic.ValidationException;
import cn.mediationdesk.logic.audit.AuditAction;
import cn.mediationdesk.logic.audit.AuditFilter;
import cn.mediationdesk.logic.audit.AuditService;
import cn.mediationdesk.logic.audit.AuditService.Listing;
import cn.mediationdesk.logic.audit.AuditTrail;
import cn.mediationdesk.logic.audit.AuditVerification;
import cn.mediationdesk.logic.audit.LeadSnapshot;
import cn.mediationdesk.logic.l10n.Localization;
import cn.mediationdesk.model.AuditChange;
import cn.mediationdesk.model.AuditEntry;
import cn.mediationdesk.model.Committee;
import cn.mediationdesk.model.Problem;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The 审计日志 screen (administrators and committee directors): the entries of the audit trail
 * filtered by person, lead, committee and period; the whole history of the selected entry's lead,
 * field by field; and the chain verified on demand. {@link AuditService} decides what each may read.
 */
public final class AuditViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(AuditViewModel.class);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    /** Entries one search lists; a narrower filter finds older ones. */
    static final int LIMIT = 500;
    private static final int SUMMARY_LENGTH = 120;
    /** Recorded field names whose form label has another name. */
    private static final Map<String, Problem.Field> ALIASES = Map.of("committeeId", Problem.Field.COMMITTEE,
            "communityId", Problem.Field.COMMUNITY, "gridId", Problem.Field.GRID, "sourceCode", Problem.Field.SOURCE,
            "disputeTypeCode", Problem.Field.DISPUTE_TYPE, "peopleCount", Problem.Field.PEOPLE,
            "verificationResult", Problem.Field.VERIFICATION, "duplicateOfId", Problem.Field.DUPLICATE_OF,
            "heldOn", Problem.Field.DATE, "stepOn", Problem.Field.DATE);
    /** {@code party[0].name}, {@code agreement.terms}, {@code mediator[1]}. */
    private static final Pattern PART = Pattern.compile("([A-Za-z]+)(?:\\[(\\d+)])?(?:\\.(.+))?");

    /** One entry as the table shows it. */
    public record EntryRow(AuditEntry entry, String when, String actor, String action, String record,
                           String changes) {
    }

    /** One changed field of the selected lead's (or record's) history. */
    public record ChangeRow(String when, String actor, String action, String field, String oldValue,
                            String newValue) {
    }

    private final AuditService audit;
    private final Callable<List<Committee>> committeeChoices;
    private final boolean choosesCommittee;
    private final Localization l10n;
    private final ZoneId zone;
    private final TaskExecutor executor;

    private final StringProperty actor = new SimpleStringProperty("");
    private final StringProperty leadNumber = new SimpleStringProperty("");
    private final ObjectProperty<Committee> committee = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> from = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> to = new SimpleObjectProperty<>();
    private final ObservableList<Committee> committees = FXCollections.observableArrayList();
    private final ObservableList<EntryRow> entries = FXCollections.observableArrayList();
    private final ObjectProperty<EntryRow> selected = new SimpleObjectProperty<>();
    private final ObservableList<ChangeRow> details = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper detailsTitle = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper verification = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper intact = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);

    /**
     * @param committeeChoices reads the committees an administrator may narrow the listing to;
     *                         {@code null} for a director, whose listing is their own committee's
     */
    public AuditViewModel(AuditService audit, Callable<List<Committee>> committeeChoices, Localization l10n,
                          ZoneId zone, TaskExecutor executor) {
        this.audit = audit;
        this.committeeChoices = committeeChoices;
        this.choosesCommittee = committeeChoices != null;
        this.l10n = l10n;
        this.zone = zone;
        this.executor = executor;
        selected.addListener((obs, old, now) -> showDetails(now));
    }

    /** Reads the committee choices (for an administrator), then the newest entries. */
    public void load() {
        if (!choosesCommittee) {
            search();
            return;
        }
        run(committeeChoices, read -> {
            List<Committee> choices = new ArrayList<>();
            choices.add(null); // all committees
            choices.addAll(read);
            committees.setAll(choices);
            search();
        });
    }

    /** Lists the entries the filter selects, newest first. */
    public void search() {
        message.set("");
        String person = actor.get();
        String number = leadNumber.get();
        Long committeeId = committee.get() == null ? null : committee.get().id();
        LocalDate first = from.get();
        LocalDate last = to.get();
        if (first != null && last != null && last.isBefore(first)) {
            message.set(l10n.text("gui.audit.badPeriod"));
            return;
        }
        run(() -> {
            UUID lead = audit.leadNumbered(number).orElse(null);
            return audit.entries(new AuditFilter(person, lead, committeeId, first, last, LIMIT));
        }, listing -> {
            selected.set(null);
            entries.setAll(listing.entries().stream().map(e -> row(e, listing)).toList());
            message.set(listing.entries().isEmpty() ? l10n.text("gui.audit.none")
                    : listing.entries().size() >= LIMIT ? l10n.text("gui.audit.limited", LIMIT)
                    : l10n.text("gui.audit.found", listing.entries().size()));
        });
    }

    /** Checks the chain, its seals and its head, and every audited record against its last entry. */
    public void verify() {
        run(audit::verify, result -> {
            intact.set(result.intact());
            verification.set(describe(result));
        });
    }

    private String describe(AuditVerification result) {
        List<String> lines = new ArrayList<>();
        lines.add(result.intact() ? l10n.text("gui.audit.intact", result.entries())
                : l10n.text("gui.audit.broken", result.problems().size(), result.entries()));
        result.problems().stream().map(f -> f.describe(l10n)).forEach(lines::add);
        result.notes().stream().map(f -> f.describe(l10n)).forEach(lines::add);
        return String.join("\n", lines);
    }

    private void showDetails(EntryRow row) {
        details.clear();
        detailsTitle.set("");
        if (row == null) {
            return;
        }
        AuditEntry entry = row.entry();
        if (entry.leadId() == null) {
            detailsTitle.set(l10n.text("gui.audit.details.record", row.record()));
            details.setAll(changeRows(entry));
            return;
        }
        run(() -> audit.history(entry.leadId()), history -> {
            detailsTitle.set(l10n.text("gui.audit.details.lead", history.leadNumber(entry.leadId()),
                    history.entries().size()));
            details.setAll(history.entries().stream().flatMap(e -> changeRows(e).stream()).toList());
        });
    }

    private List<ChangeRow> changeRows(AuditEntry entry) {
        String when = when(entry);
        String action = actionName(entry.action());
        if (entry.changes().isEmpty()) {
            return List.of(new ChangeRow(when, entry.actor(), action, "", "", ""));
        }
        return entry.changes().stream().map(c -> new ChangeRow(when, entry.actor(), action, fieldName(c.field()),
                text(c.oldValue()), text(c.newValue()))).toList();
    }

    private EntryRow row(AuditEntry entry, Listing listing) {
        String record = entry.leadId() != null ? l10n.text("gui.audit.record.lead", listing.leadNumber(entry.leadId()))
                : entityName(entry.entity()) + (entry.entityId() == null ? "" : " " + (AuditTrail.USER.equals(entry.entity())
                        ? listing.username(entry.entityId()) : entry.entityId()));
        String changes = entry.changes().stream()
                .map(c -> c.oldValue() == null ? fieldName(c.field()) + "：" + text(c.newValue())
                        : fieldName(c.field()) + "：" + text(c.oldValue()) + " → " + text(c.newValue()))
                .collect(Collectors.joining("；"));
        if (changes.length() > SUMMARY_LENGTH) {
            changes = changes.substring(0, SUMMARY_LENGTH) + "…";
        }
        return new EntryRow(entry, when(entry), entry.actor(), actionName(entry.action()), record, changes);
    }

    private String when(AuditEntry entry) {
        return WHEN.format(entry.at().atZone(zone));
    }

    /** 受理, 更正 …; a code this version does not know is shown as it is stored. */
    String actionName(String code) {
        return AuditAction.of(code).map(a -> l10n.text("gui.audit.action." + a.name())).orElse(code);
    }

    private String entityName(String entity) {
        return l10n.text("gui.audit.entity." + entity);
    }

    /**
     * A field as people call it where the forms name it (foundOn → 发现日期, party[0].name → 当事人 1 ·
     * 姓名); anything else as it is recorded.
     */
    String fieldName(String field) {
        Matcher part = PART.matcher(field);
        if (part.matches() && LeadSnapshot.PARTS.contains(part.group(1))) {
            String name = l10n.text("gui.audit.part." + part.group(1))
                    + (part.group(2) == null ? "" : " " + (Integer.parseInt(part.group(2)) + 1));
            return part.group(3) == null ? name : name + " · " + fieldName(part.group(3));
        }
        Problem.Field alias = ALIASES.get(field);
        if (alias != null) {
            return l10n.fieldName(alias);
        }
        String snake = field.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
        return known("field." + snake, field);
    }

    private String known(String key, String otherwise) {
        try {
            return l10n.bundle().containsKey(key) ? l10n.text(key) : otherwise;
        } catch (MissingResourceException e) {
            return otherwise;
        }
    }

    private static String text(String value) {
        return value == null ? "—" : value;
    }

    private <T> void run(Callable<T> work, Consumer<T> done) {
        busy.set(true);
        executor.execute(work, result -> {
            busy.set(false);
            done.accept(result);
        }, failure -> {
            busy.set(false);
            if (failure instanceof ValidationException invalid) {
                message.set(l10n.message(invalid.problems().getFirst()));
            } else if (Refusals.refusalOf(failure).isPresent()) {
                message.set(l10n.message(Refusals.refusalOf(failure).get().problem()));
            } else {
                LOG.warn("reading the audit trail failed", failure);
                message.set(l10n.text("gui.audit.failed"));
            }
        });
    }

    public boolean choosesCommittee() {
        return choosesCommittee;
    }

    public StringProperty actorProperty() {
        return actor;
    }

    public StringProperty leadNumberProperty() {
        return leadNumber;
    }

    public ObjectProperty<Committee> committeeProperty() {
        return committee;
    }

    public ObjectProperty<LocalDate> fromProperty() {
        return from;
    }

    public ObjectProperty<LocalDate> toProperty() {
        return to;
    }

    public ObservableList<Committee> committees() {
        return committees;
    }

    public ObservableList<EntryRow> entries() {
        return entries;
    }

    public ObjectProperty<EntryRow> selectedProperty() {
        return selected;
    }

    public ObservableList<ChangeRow> details() {
        return details;
    }

    public ReadOnlyStringProperty detailsTitleProperty() {
        return detailsTitle.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty verificationProperty() {
        return verification.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty intactProperty() {
        return intact.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }
}

package cn.mediationdesk.gui.data;

import cn.mediationdesk.gui.common.Refusals;
import cn.mediationdesk.gui.common.DialogService;
import cn.mediationdesk.gui.common.TaskExecutor;
import cn.mediationdesk.logic.l10n.Localization;
import cn.mediationdesk.logic.ledger.ColumnMapping;
import cn.mediationdesk.logic.ledger.ImportOptions;
import cn.mediationdesk.logic.ledger.ImportProfileService;
import cn.mediationdesk.logic.ledger.LedgerMappingService;
import cn.mediationdesk.logic.ledger.LedgerTemplateService;
import cn.mediationdesk.logic.ledger.MappingDraft;
import cn.mediationdesk.logic.ledger.ImportReport;
import cn.mediationdesk.logic.ledger.LedgerColumn;
import cn.mediationdesk.logic.ledger.LedgerImporter;
import cn.mediationdesk.model.Role;
import cn.mediationdesk.model.User;
import cn.mediationdesk.logic.ledger.LedgerRejectedException;
import cn.mediationdesk.logic.ledger.LedgerTable;
import cn.mediationdesk.logic.ledger.RowProblem;
import cn.mediationdesk.logic.store.Store;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The ledger import wizard (DESIGN §8) on the Data screen: choose a file, preview it, check every
 * row, confirm and import, with {@link LedgerImporter}, the engine the command line uses.
 * <p>
 * Until the import is confirmed the wizard can be cancelled at any time. Cancelling never stops
 * work that is running (an interrupt during H2 I/O breaks the store): a read or check that is
 * still running simply finishes in the background, and its result is dropped when it arrives.
 */
public final class ImportWizardViewModel {
    /** How many data rows the preview shows: enough to see the columns are read right. */
    public static final int PREVIEW_ROWS = 50;
    private static final Logger LOG = LoggerFactory.getLogger(ImportWizardViewModel.class);
    private static final Set<String> ENCODING_KEYS = Set.of("ledger.file.notInEncoding",
            "ledger.file.encodingUnknown", "ledger.header.noneRecognized");
    /** Problems that ticking "create missing" would solve. */
    private static final Set<String> MISSING_ORGANIZATION_KEYS = Set.of("ledger.community.unknown",
            "ledger.committee.unknown");
    /** Problems of rows that would move a finished lead backwards: importing them as corrections solves them. */
    private static final String CORRECTION_KEY_PREFIX = "ledger.correction.";

    private final LedgerImporter importer;
    private final LedgerMappingService mappingService;
    private final ImportProfileService profiles;
    private final LedgerTemplateService templates;
    private final User actor;
    private final boolean mayUseProfiles;
    private final ColumnMappingViewModel mapping;
    private final Localization l10n;
    private final TaskExecutor executor;
    private final DialogService dialogs;
    private final Runnable onImported;
    private final boolean mayCorrect;

    private final ReadOnlyObjectWrapper<ImportStep> step = new ReadOnlyObjectWrapper<>(ImportStep.CHOOSE_FILE);
    private final StringProperty fileText = new SimpleStringProperty("");
    private final ObjectProperty<ImportEncoding> encoding = new SimpleObjectProperty<>(ImportEncoding.AUTO);
    private final BooleanProperty createMissing = new SimpleBooleanProperty(false);
    private final ReadOnlyBooleanWrapper allowCorrections = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper importing = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper busyText = new ReadOnlyStringWrapper("");

    private final ObservableList<String> fileProblems = FXCollections.observableArrayList();
    private final ObservableList<String> fileProblemsView = FXCollections.unmodifiableObservableList(fileProblems);
    private final ObservableList<PreviewColumn> previewColumns = FXCollections.observableArrayList();
    private final ObservableList<PreviewColumn> previewColumnsView = FXCollections.unmodifiableObservableList(previewColumns);
    private final ObservableList<PreviewRow> previewRows = FXCollections.observableArrayList();
    private final ObservableList<PreviewRow> previewRowsView = FXCollections.unmodifiableObservableList(previewRows);
    private final ReadOnlyIntegerWrapper rowCount = new ReadOnlyIntegerWrapper(0);
    private final ReadOnlyStringWrapper previewSummary = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper missingColumns = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper unknownColumns = new ReadOnlyStringWrapper("");

    private final ObservableList<ProblemRow> problems = FXCollections.observableArrayList();
    private final ObservableList<ProblemRow> problemsView = FXCollections.unmodifiableObservableList(problems);
    private final ReadOnlyBooleanWrapper checkPassed = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper organizationMissing = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper correctionsNeeded = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyIntegerWrapper correctionRows = new ReadOnlyIntegerWrapper(0);
    private final ReadOnlyStringWrapper checkHeadline = new ReadOnlyStringWrapper("");
    private final ObservableList<String> checkSummary = FXCollections.observableArrayList();
    private final ObservableList<String> checkSummaryView = FXCollections.unmodifiableObservableList(checkSummary);

    private final ReadOnlyObjectWrapper<ImportReport> imported = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper importHeadline = new ReadOnlyStringWrapper("");
    private final ObservableList<String> importReport = FXCollections.observableArrayList();
    private final ObservableList<String> importReportView = FXCollections.unmodifiableObservableList(importReport);

    private final ObservableList<String> profileNames = FXCollections.observableArrayList();
    private final StringProperty profileName = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper profileMessage = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper templateMessage = new ReadOnlyStringWrapper("");
    /** The file's table as read for the mapping step, shown in the preview through the mapping. */
    private LedgerTable mappedTable;

    private final BooleanBinding canGoNext;
    private final BooleanBinding canGoBack;
    private final BooleanBinding canCancel;

    /** Counts the pieces of work started; a result that arrives after a newer start or a cancel is dropped. */
    private long generation;

    /**
     * @param actor who imports: the importer checks what their role allows
     * @param onImported runs after an import wrote leads, so that screens showing them can refresh
     */
    public ImportWizardViewModel(Store store, Localization l10n, Clock clock, TaskExecutor executor,
                                 DialogService dialogs, User actor, Runnable onImported) {
        this.importer = new LedgerImporter(store, clock, actor);
        this.mappingService = new LedgerMappingService(store);
        this.profiles = new ImportProfileService(store, clock);
        this.templates = new LedgerTemplateService(store);
        this.actor = actor;
        this.mapping = new ColumnMappingViewModel(l10n);
        // Profiles are the administrator's, like whole-ledger imports (DESIGN §9); the service checks again.
        this.mayUseProfiles = actor != null && actor.role() == Role.ADMIN;
        this.l10n = l10n;
        this.executor = executor;
        this.dialogs = dialogs;
        this.onImported = onImported;
        // Only to offer the button: the importer itself checks who may correct (DESIGN §9).
        this.mayCorrect = actor != null && (actor.role() == Role.ADMIN || actor.role() == Role.DIRECTOR);
        canGoNext = Bindings.createBooleanBinding(() -> !busy.get() && switch (step.get()) {
            case CHOOSE_FILE -> !fileText.get().isBlank();
            case MAP_COLUMNS, PREVIEW -> true;
            case CHECK -> checkPassed.get();
            case IMPORT -> false;
        }, busy, step, fileText, checkPassed);
        canGoBack = Bindings.createBooleanBinding(() -> !busy.get() && (step.get() == ImportStep.MAP_COLUMNS
                || step.get() == ImportStep.PREVIEW || step.get() == ImportStep.CHECK), busy, step);
        canCancel = Bindings.createBooleanBinding(() -> !importing.get() && step.get() != ImportStep.IMPORT
                && (busy.get() || step.get() != ImportStep.CHOOSE_FILE), importing, step, busy);
        // Another file or other options make what was read or checked stale.
        fileText.addListener((obs, old, now) -> {
            fileProblems.clear();
            allowCorrections.set(false); // confirmed for one file only
        });
        encoding.addListener((obs, old, now) -> fileProblems.clear());
    }

    // ---- actions ----

    /** Goes on from the current step: read the preview, check every row, or import. */
    public void next() {
        if (!canGoNext.get()) {
            return;
        }
        switch (step.get()) {
            case CHOOSE_FILE -> readPreview();
            case MAP_COLUMNS -> {
                showPreview(mappedTable);
                step.set(ImportStep.PREVIEW);
            }
            case PREVIEW -> check();
            case CHECK -> importNow();
            case IMPORT -> {
                // nothing follows the import
            }
        }
    }

    /** One step back, keeping what was chosen. */
    public void back() {
        if (!canGoBack.get()) {
            return;
        }
        step.set(switch (step.get()) {
            case CHECK -> ImportStep.PREVIEW;
            case PREVIEW -> mapping.loaded() ? ImportStep.MAP_COLUMNS : ImportStep.CHOOSE_FILE;
            default -> ImportStep.CHOOSE_FILE;
        });
    }

    /** Checks the file again, e.g. after the user corrected it in Excel. */
    public void recheck() {
        if (!busy.get() && (step.get() == ImportStep.CHECK || step.get() == ImportStep.PREVIEW)) {
            check();
        }
    }

    /**
     * The check found communities or committees the database lacks: creates them with the import
     * (as the option on the first step does) and checks again.
     */
    public void createMissingAndRecheck() {
        if (organizationMissing.get() && !busy.get()) {
            createMissing.set(true);
            check();
        }
    }

    /**
     * The check found rows that would change finished cases (reopen a closed case, change its
     * result, delete its agreement or a party). For who may correct: asks to confirm, then checks
     * again importing those rows as corrections, each recorded on the audit trail.
     */
    public void applyCorrectionsAndRecheck() {
        if (!correctionsNeeded.get() || !mayCorrect || busy.get()) {
            return;
        }
        int answer = dialogs.ask(l10n.text("gui.window.title"), l10n.text("gui.data.corrections.confirm.header"),
                l10n.text("gui.data.corrections.confirm.message", correctionRows.get()),
                List.of(l10n.text("gui.data.corrections.confirm.apply"), l10n.text("gui.data.corrections.confirm.cancel")));
        if (answer == 0) {
            allowCorrections.set(true);
            check();
        }
    }

    /**
     * Abandons the wizard before the import, back to the first step with the file and options
     * kept. Work still running is left to finish; its result is dropped. Nothing has been written.
     */
    public void cancel() {
        if (!canCancel.get()) {
            return;
        }
        generation++;
        setBusy(false, "");
        clearResults();
        allowCorrections.set(false);
        step.set(ImportStep.CHOOSE_FILE);
    }

    /** After an import: starts afresh for another file. */
    public void startOver() {
        if (importing.get()) {
            return;
        }
        generation++;
        setBusy(false, "");
        clearResults();
        fileText.set("");
        allowCorrections.set(false);
        step.set(ImportStep.CHOOSE_FILE);
    }

    private void readPreview() {
        Path path = path();
        if (path == null) {
            return;
        }
        ImportEncoding chosen = encoding.get();
        long mine = ++generation;
        fileProblems.clear();
        setBusy(true, l10n.text("gui.data.busy.reading"));
        executor.execute(() -> mappingService.draft(actor, path, chosen.charset()), draft -> {
            if (mine == generation) {
                setBusy(false, "");
                showDraft(draft);
            }
        }, failure -> {
            if (mine == generation) {
                setBusy(false, "");
                fileProblems.setAll(fileProblemLines(failure));
            }
        });
    }

    /** A file in our format goes straight to the preview; one in an office's own layout to the mapping first. */
    private void showDraft(MappingDraft draft) {
        profileMessage.set("");
        if (!draft.needsMapping()) {
            mapping.clear();
            mappedTable = null;
            showPreview(draft.table());
            step.set(ImportStep.PREVIEW);
            return;
        }
        mappedTable = draft.table();
        mapping.load(draft, draft.proposal());
        step.set(ImportStep.MAP_COLUMNS);
        refreshProfiles();
    }

    /** The mapping the file is read through: none for a file in our format. */
    private ColumnMapping currentMapping() {
        return mapping.loaded() ? mapping.mapping() : ColumnMapping.NONE;
    }

    private void refreshProfiles() {
        if (!mayUseProfiles) {
            return;
        }
        executor.execute(() -> profiles.names(actor), profileNames::setAll,
                failure -> profileMessage.set(failureText(failure)));
    }

    /** Reads the file through a saved profile instead of the proposal. */
    public void applyProfile(String name) {
        if (!mayUseProfiles || name == null || !mapping.loaded() || busy.get()) {
            return;
        }
        setBusy(true, l10n.text("gui.data.busy.reading"));
        executor.execute(() -> profiles.find(actor, name), found -> {
            setBusy(false, "");
            found.ifPresentOrElse(m -> {
                mapping.apply(m);
                profileName.set(name);
                profileMessage.set(l10n.text("gui.data.mapping.profileApplied", name));
            }, () -> profileMessage.set(l10n.text("gui.data.mapping.profileGone", name)));
        }, failure -> {
            setBusy(false, "");
            profileMessage.set(failureText(failure));
        });
    }

    /** Saves the mapping as now chosen under {@link #profileNameProperty()}. */
    public void saveProfile() {
        if (!mayUseProfiles || !mapping.loaded() || busy.get()) {
            return;
        }
        ColumnMapping chosen = mapping.mapping();
        String name = profileName.get();
        setBusy(true, l10n.text("gui.data.busy.saving"));
        executor.execute(() -> profiles.save(actor, name, chosen), saved -> {
            setBusy(false, "");
            profileName.set(saved);
            profileMessage.set(l10n.text("gui.data.mapping.profileSaved", saved));
            refreshProfiles();
        }, failure -> {
            setBusy(false, "");
            profileMessage.set(failureText(failure));
        });
    }

    /** Writes an empty ledger template (CSV or XLSX, by the file's extension) with this database's lists. */
    public void writeTemplate(Path file) {
        templateMessage.set(l10n.text("gui.data.template.writing"));
        executor.execute(() -> {
            templates.write(actor, file, l10n);
            return file;
        }, written -> templateMessage.set(l10n.text("gui.data.template.written", written)),
                failure -> templateMessage.set(failureText(failure)));
    }

    private String failureText(Throwable failure) {
        if (failure instanceof cn.mediationdesk.logic.ValidationException invalid) {
            return invalid.problems().stream().map(l10n::describe).collect(Collectors.joining(separator()));
        }
        if (Refusals.refusalOf(failure).isPresent()) {
            return l10n.message(Refusals.refusalOf(failure).get().problem());
        }
        if (failure instanceof cn.mediationdesk.logic.files.OutputFileException output) {
            return output.describe(l10n);
        }
        LOG.warn("import wizard work failed", failure);
        return l10n.text("gui.data.file.readFailed", detail(failure));
    }

    private List<String> fileProblemLines(Throwable failure) {
        List<String> lines = new ArrayList<>();
        if (failure instanceof LedgerRejectedException rejected) {
            rejected.problems().forEach(p -> lines.add(p.describe(l10n)));
            if (rejected.problems().stream().anyMatch(p -> ENCODING_KEYS.contains(p.problem().key()))) {
                lines.add(l10n.text("gui.data.file.encodingHint"));
            }
        } else {
            LOG.warn("reading a ledger failed", failure);
            lines.add(l10n.text("gui.data.file.readFailed", detail(failure)));
        }
        return lines;
    }

    private void showPreview(LedgerTable table) {
        List<PreviewColumn> columns = new ArrayList<>();
        Set<LedgerColumn> seen = EnumSet.noneOf(LedgerColumn.class);
        for (int i = 0; i < table.header().size(); i++) {
            String text = table.header().get(i).strip();
            if (text.isEmpty()) {
                continue; // the importer ignores a column without a header as well
            }
            List<LedgerColumn> mapped = currentMapping().columnsOf(text);
            LedgerColumn column = mapped.isEmpty() ? LedgerColumn.byHeader(text).orElse(null) : mapped.getFirst();
            columns.add(new PreviewColumn(i, text, column, column != null && !seen.add(column)));
            mapped.stream().skip(1).forEach(seen::add);
        }
        seen.addAll(currentMapping().fixedValues().keySet());
        previewColumns.setAll(columns);
        previewRows.setAll(table.rows().stream().limit(PREVIEW_ROWS)
                .map(r -> new PreviewRow(r.number(), r.cells())).toList());
        rowCount.set(table.rows().size());
        long recognised = columns.stream().filter(PreviewColumn::recognised).count();
        List<String> unknown = columns.stream().filter(c -> c.column() == null).map(PreviewColumn::header).toList();
        previewSummary.set(table.rows().size() <= PREVIEW_ROWS
                ? l10n.text("gui.data.preview.summaryAll", table.rows().size(), recognised)
                : l10n.text("gui.data.preview.summary", table.rows().size(), PREVIEW_ROWS, recognised));
        unknownColumns.set(unknown.isEmpty() ? "" : l10n.text("gui.data.preview.unknown", String.join(separator(), unknown)));
        String missing = EnumSet.allOf(LedgerColumn.class).stream()
                .filter(c -> c.required() && !seen.contains(c))
                .map(LedgerColumn::header).collect(Collectors.joining(separator()));
        missingColumns.set(missing.isEmpty() ? "" : l10n.text("gui.data.preview.missing", missing));
    }

    private void check() {
        Path path = path();
        if (path == null) {
            return;
        }
        ImportOptions options = new ImportOptions(true, createMissing.get(), encoding.get().charset(),
                allowCorrections.get());
        long mine = ++generation;
        clearCheck();
        step.set(ImportStep.CHECK);
        setBusy(true, l10n.text("gui.data.busy.checking"));
        ColumnMapping through = currentMapping();
        executor.execute(() -> importer.importLedger(path, options, through), report -> {
            if (mine == generation) {
                setBusy(false, "");
                checkPassed.set(true);
                checkHeadline.set(l10n.text("gui.data.check.passed"));
                // The command line's lines, without its "dry run" line: the screen says that itself.
                checkSummary.setAll(report.asImport().describe(l10n));
            }
        }, failure -> {
            if (mine == generation) {
                setBusy(false, "");
                showRejection(failure, "gui.data.check.failed");
            }
        });
    }

    private void importNow() {
        Path path = path();
        if (path == null || !checkPassed.get()) {
            return;
        }
        ImportOptions options = new ImportOptions(false, createMissing.get(), encoding.get().charset(),
                allowCorrections.get());
        long mine = ++generation;
        importing.set(true);
        imported.set(null);
        importReport.clear();
        importHeadline.set("");
        step.set(ImportStep.IMPORT);
        setBusy(true, l10n.text("gui.data.busy.importing"));
        ColumnMapping through = currentMapping();
        executor.execute(() -> importer.importLedger(path, options, through), report -> {
            importing.set(false);
            setBusy(false, "");
            if (mine == generation) {
                imported.set(report);
                importHeadline.set(l10n.text("gui.data.import.done", report.added() + report.updated()));
                dialogs.notifyDone(l10n.text("gui.window.title"), importHeadline.get(), "");
                importReport.setAll(report.describe(l10n));
            }
            onImported.run(); // written either way: the other screens must see it
        }, failure -> {
            importing.set(false);
            setBusy(false, "");
            if (mine == generation) {
                // The database changed since the check (or the file did): nothing was written.
                step.set(ImportStep.CHECK);
                clearCheck();
                showRejection(failure, "gui.data.import.rejected");
            }
        });
    }

    /** Shows why the check (or import) refused the file; anything unforeseen also as a dialog. */
    private void showRejection(Throwable failure, String headlineKey) {
        if (failure instanceof LedgerRejectedException rejected) {
            problems.setAll(rejected.problems().stream().map(this::problemRow).toList());
            organizationMissing.set(!createMissing.get() && rejected.problems().stream()
                    .anyMatch(p -> MISSING_ORGANIZATION_KEYS.contains(p.problem().key())));
            correctionRows.set((int) rejected.problems().stream()
                    .filter(p -> p.problem().key().startsWith(CORRECTION_KEY_PREFIX))
                    .mapToInt(RowProblem::row).distinct().count());
            correctionsNeeded.set(!allowCorrections.get() && correctionRows.get() > 0);
            checkHeadline.set(l10n.text(headlineKey, rejected.problems().size()));
        } else if (Refusals.refusalOf(failure).isPresent()) {
            checkHeadline.set(l10n.message(Refusals.refusalOf(failure).get().problem()));
            Refusals.noticeIfRefused(failure, dialogs, l10n);
        } else {
            LOG.warn("checking or importing a ledger failed", failure);
            checkHeadline.set(l10n.text("gui.data.check.error"));
            dialogs.showError(l10n.text("gui.window.title"), l10n.text("gui.data.check.error"),
                    l10n.text("gui.data.failed.advice", detail(failure)));
        }
    }

    private ProblemRow problemRow(RowProblem problem) {
        return new ProblemRow(problem.row(), problem.column() == null ? "" : problem.column(),
                l10n.message(problem.problem()), problem.describe(l10n));
    }

    /** The chosen file; {@code null}, with the reason among the file's problems, when there is none. */
    private Path path() {
        String text = fileText.get() == null ? "" : fileText.get().strip();
        // Windows' "copy as path" puts the path in quotes.
        if (text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")) {
            text = text.substring(1, text.length() - 1).strip();
        }
        if (text.isEmpty()) {
            fileProblems.setAll(l10n.text("gui.data.file.required"));
            return null;
        }
        try {
            return Path.of(text);
        } catch (InvalidPathException e) {
            fileProblems.setAll(l10n.text("gui.data.file.invalidPath", text));
            return null;
        }
    }

    private void clearResults() {
        fileProblems.clear();
        mapping.clear();
        mappedTable = null;
        profileMessage.set("");
        previewColumns.clear();
        previewRows.clear();
        rowCount.set(0);
        previewSummary.set("");
        missingColumns.set("");
        unknownColumns.set("");
        clearCheck();
        imported.set(null);
        importHeadline.set("");
        importReport.clear();
    }

    private void clearCheck() {
        problems.clear();
        organizationMissing.set(false);
        correctionsNeeded.set(false);
        correctionRows.set(0);
        checkPassed.set(false);
        checkHeadline.set("");
        checkSummary.clear();
    }

    private void setBusy(boolean now, String text) {
        busy.set(now);
        busyText.set(text);
    }

    private String separator() {
        return l10n.isChinese() ? "、" : ", ";
    }

    private static String detail(Throwable failure) {
        return failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
    }

    // ---- texts ----

    public String stepLabel(ImportStep value) {
        return switch (value) {
            case CHOOSE_FILE -> l10n.text("gui.data.step.chooseFile");
            case MAP_COLUMNS -> l10n.text("gui.data.step.mapColumns");
            case PREVIEW -> l10n.text("gui.data.step.preview");
            case CHECK -> l10n.text("gui.data.step.check");
            case IMPORT -> l10n.text("gui.data.step.import");
        };
    }

    public String encodingLabel(ImportEncoding value) {
        return switch (value) {
            case AUTO -> l10n.text("gui.data.encoding.auto");
            case UTF_8 -> l10n.text("gui.data.encoding.utf8");
            case GBK -> l10n.text("gui.data.encoding.gbk");
        };
    }

    /** What the primary button does on the current step. */
    public String nextLabel(ImportStep value) {
        return switch (value) {
            case CHOOSE_FILE, MAP_COLUMNS -> l10n.text("gui.data.action.preview");
            case PREVIEW -> l10n.text("gui.data.action.check");
            case CHECK, IMPORT -> l10n.text("gui.data.action.import");
        };
    }

    /** The header of a preview column: its text as in the file, marked when it will be ignored. */
    public String columnTitle(PreviewColumn column) {
        if (column.repeated()) {
            return l10n.text("gui.data.column.repeated", column.header());
        }
        return column.column() == null ? l10n.text("gui.data.column.unknown", column.header()) : column.header();
    }

    /** What the importer will make of a column, for its tooltip. */
    public String columnTip(PreviewColumn column) {
        if (column.column() == null) {
            return l10n.text("gui.data.column.unknown.tip");
        }
        if (column.repeated()) {
            return l10n.text("gui.data.column.repeated.tip", column.column().header());
        }
        return l10n.text(column.column().required() ? "gui.data.column.required.tip" : "gui.data.column.optional.tip",
                column.column().header(), column.column().alias());
    }

    /** The columns a ledger has, for the first step: the required ones first. */
    public String formatHelp() {
        String required = EnumSet.allOf(LedgerColumn.class).stream().filter(LedgerColumn::required)
                .map(LedgerColumn::header).collect(Collectors.joining(separator()));
        String optional = EnumSet.allOf(LedgerColumn.class).stream().filter(c -> !c.required())
                .map(LedgerColumn::header).collect(Collectors.joining(separator()));
        return l10n.text("gui.data.format.help", required, optional);
    }

    public List<ImportStep> steps() {
        return List.of(ImportStep.values());
    }

    public List<ImportEncoding> encodings() {
        return List.of(ImportEncoding.values());
    }

    /** Every problem, one per line, to paste into a message or a note beside the spreadsheet. */
    public String problemsText() {
        return problems.stream().map(ProblemRow::line).collect(Collectors.joining(System.lineSeparator()));
    }

    // ---- state ----

    /** The mapping step, for a file in an office's own layout. */
    public ColumnMappingViewModel mapping() {
        return mapping;
    }

    /** Whether the acting user may choose and save profiles (administrators). */
    public boolean mayUseProfiles() {
        return mayUseProfiles;
    }

    /** The saved profiles' names. */
    public ObservableList<String> profileNames() {
        return profileNames;
    }

    /** The name to save the mapping under (the applied profile's, to update it). */
    public StringProperty profileNameProperty() {
        return profileName;
    }

    /** What became of applying or saving a profile. */
    public ReadOnlyStringProperty profileMessageProperty() {
        return profileMessage.getReadOnlyProperty();
    }

    /** What became of writing a template. */
    public ReadOnlyStringProperty templateMessageProperty() {
        return templateMessage.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ImportStep> stepProperty() {
        return step.getReadOnlyProperty();
    }

    /** The ledger file's path, typed or chosen. */
    public StringProperty fileTextProperty() {
        return fileText;
    }

    public ObjectProperty<ImportEncoding> encodingProperty() {
        return encoding;
    }

    /** Create the communities and committees the ledger names but the database lacks. */
    public BooleanProperty createMissingProperty() {
        return createMissing;
    }

    /** Reading, checking or importing is running. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** The import itself is running: it cannot be cancelled any more. */
    public ReadOnlyBooleanProperty importingProperty() {
        return importing.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty busyTextProperty() {
        return busyText.getReadOnlyProperty();
    }

    /** Why the file could not be read (first step), one line each. */
    public ObservableList<String> fileProblems() {
        return fileProblemsView;
    }

    public ObservableList<PreviewColumn> previewColumns() {
        return previewColumnsView;
    }

    /** The first {@link #PREVIEW_ROWS} data rows. */
    public ObservableList<PreviewRow> previewRows() {
        return previewRowsView;
    }

    /** How many data rows the file has in all. */
    public ReadOnlyIntegerProperty rowCountProperty() {
        return rowCount.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty previewSummaryProperty() {
        return previewSummary.getReadOnlyProperty();
    }

    /** The required columns the file lacks, in a sentence; empty when it has them all. */
    public ReadOnlyStringProperty missingColumnsProperty() {
        return missingColumns.getReadOnlyProperty();
    }

    /** The columns that will be ignored, in a sentence; empty when there are none. */
    public ReadOnlyStringProperty unknownColumnsProperty() {
        return unknownColumns.getReadOnlyProperty();
    }

    /** Every problem the check found, in row order. */
    public ObservableList<ProblemRow> problems() {
        return problemsView;
    }

    /** The check failed (also) because the ledger names communities or committees the database lacks. */
    public ReadOnlyBooleanProperty organizationMissingProperty() {
        return organizationMissing.getReadOnlyProperty();
    }

    /** The check failed (also) because rows would change finished cases, which only corrections may do. */
    public ReadOnlyBooleanProperty correctionsNeededProperty() {
        return correctionsNeeded.getReadOnlyProperty();
    }

    /** How many rows would change finished cases. */
    public ReadOnlyIntegerProperty correctionRowsProperty() {
        return correctionRows.getReadOnlyProperty();
    }

    /** Whether the acting user may import such rows as corrections (a director or an administrator). */
    public boolean mayCorrect() {
        return mayCorrect;
    }

    /** The user confirmed that rows changing finished cases are imported as corrections. */
    public ReadOnlyBooleanProperty allowCorrectionsProperty() {
        return allowCorrections.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty checkPassedProperty() {
        return checkPassed.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty checkHeadlineProperty() {
        return checkHeadline.getReadOnlyProperty();
    }

    /** What the import will do, when the check passed. */
    public ObservableList<String> checkSummary() {
        return checkSummaryView;
    }

    /** The report of the finished import, or {@code null}. */
    public ReadOnlyObjectProperty<ImportReport> importedProperty() {
        return imported.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty importHeadlineProperty() {
        return importHeadline.getReadOnlyProperty();
    }

    public ObservableList<String> importReport() {
        return importReportView;
    }

    public BooleanBinding canGoNextProperty() {
        return canGoNext;
    }

    public BooleanBinding canGoBackProperty() {
        return canGoBack;
    }

    public BooleanBinding canCancelProperty() {
        return canCancel;
    }
}

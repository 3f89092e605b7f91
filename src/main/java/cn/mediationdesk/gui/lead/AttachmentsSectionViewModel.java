package cn.mediationdesk.gui.lead;

import cn.mediationdesk.gui.common.KnownFailures;
import cn.mediationdesk.gui.common.Refusals;
import cn.mediationdesk.logic.ValidationException;
import cn.mediationdesk.logic.attachment.AttachedFile;
import cn.mediationdesk.logic.attachment.AttachmentContent;
import cn.mediationdesk.logic.attachment.AttachmentService;
import cn.mediationdesk.logic.attachment.DamagedAttachmentException;
import cn.mediationdesk.logic.attachment.NewAttachment;
import cn.mediationdesk.logic.attachment.Thumbnails;
import cn.mediationdesk.logic.files.OutputFiles;
import cn.mediationdesk.logic.l10n.Localization;
import cn.mediationdesk.logic.lifecycle.LeadFile;
import cn.mediationdesk.model.Attachment;
import cn.mediationdesk.model.AttachmentKind;
import cn.mediationdesk.model.Problem;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * 附件: the scans and photos of the case as thumbnails, each with its kind, note and file name. Files
 * are added (several at once), described anew and removed straight away, each an audited change of
 * its own, not a draft of the form; thumbnails are drawn in the background.
 */
public final class AttachmentsSectionViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(AttachmentsSectionViewModel.class);

    private final LeadEditorViewModel editor;
    private final Localization l10n;
    private final ObservableList<AttachmentTile> tiles = FXCollections.observableArrayList();
    private final ObjectProperty<AttachmentKind> newKind = new SimpleObjectProperty<>(AttachmentKind.EVIDENCE);
    private final StringProperty newNote = new SimpleStringProperty("");
    private final ObjectProperty<AttachmentTile> editing = new SimpleObjectProperty<>();
    private final ObjectProperty<AttachmentKind> editKind = new SimpleObjectProperty<>();
    private final StringProperty editNote = new SimpleStringProperty("");
    private final BooleanProperty editable = new SimpleBooleanProperty(false);
    private final BooleanProperty working = new SimpleBooleanProperty(false);
    private final StringProperty problem = new SimpleStringProperty("");
    private final StringProperty notice = new SimpleStringProperty("");
    private UUID leadId;

    AttachmentsSectionViewModel(LeadEditorViewModel editor) {
        this.editor = editor;
        this.l10n = editor.l10n();
    }

    private AttachmentService service() {
        LeadEditorContext context = editor.context();
        return new AttachmentService(context.store(), context.clock(), editor.actor());
    }

    /** Shows the attachments of the file just read (their records; thumbnails follow in the background). */
    void loaded(LeadFile file) {
        UUID shown = file == null ? null : file.lead().id();
        if (shown == null) {
            leadId = null;
            tiles.clear();
            editable.set(false);
            return;
        }
        boolean sameLead = shown.equals(leadId);
        leadId = shown;
        show(file.attachments(), sameLead);
        if (!sameLead) {
            run(() -> service().mayChange(shown), editable::set);
        }
    }

    /** Replaces the tiles, keeping the thumbnails of attachments already drawn. */
    private void show(List<Attachment> attachments, boolean keepPictures) {
        Map<UUID, AttachmentTile> before = new HashMap<>();
        if (keepPictures) {
            tiles.forEach(t -> before.put(t.attachment().id(), t));
        }
        List<AttachmentTile> now = new ArrayList<>();
        List<AttachmentTile> toDraw = new ArrayList<>();
        for (Attachment attachment : attachments) {
            AttachmentTile old = before.get(attachment.id());
            if (old != null && old.pictureProperty().get() != AttachmentTile.Picture.LOADING) {
                now.add(old.describedAs(attachment));
            } else {
                AttachmentTile tile = new AttachmentTile(attachment);
                now.add(tile);
                toDraw.add(tile);
            }
        }
        tiles.setAll(now);
        if (editing.get() != null && now.stream().noneMatch(t -> t.attachment().id().equals(editing.get().attachment().id()))) {
            cancelEdit();
        }
        toDraw.forEach(this::draw);
    }

    private void draw(AttachmentTile tile) {
        editor.context().executor().execute(() -> {
            try {
                return Optional.of(Thumbnails.of(service().read(tile.attachment().id()), Thumbnails.SIZE).orElse(new byte[0]));
            } catch (DamagedAttachmentException e) {
                return Optional.<byte[]>empty();
            }
        }, picture -> {
            if (picture.isEmpty()) {
                tile.damaged();
            } else {
                tile.show(picture.get().length == 0 ? null : picture.get());
            }
        }, failure -> {
            LOG.warn("no thumbnail for attachment {}", tile.attachment().id(), failure);
            tile.show(null);
        });
    }

    private void refresh() {
        UUID id = leadId;
        if (id != null) {
            run(() -> service().list(id), list -> show(list, true));
        }
    }

    // ---- changes ----

    /** Attaches the files (from the file chooser or dropped on the section) with the kind and note chosen. */
    public void addFiles(List<Path> files) {
        UUID id = leadId;
        if (id == null || files.isEmpty() || working.get()) {
            return;
        }
        AttachmentKind kind = newKind.get() == null ? AttachmentKind.OTHER : newKind.get();
        String note = newNote.get();
        change(() -> {
            List<NewAttachment> read = new ArrayList<>();
            List<Problem> problems = new ArrayList<>();
            for (Path file : files) {
                try {
                    read.add(NewAttachment.fromFile(file, kind, note));
                } catch (ValidationException e) {
                    problems.addAll(e.problems());
                }
            }
            if (!problems.isEmpty()) {
                // name what is wrong with the files that were read too, so that one answer tells all
                for (NewAttachment file : read) {
                    try {
                        AttachmentContent.check(file.fileName(), file.content());
                    } catch (ValidationException e) {
                        problems.addAll(e.problems());
                    }
                }
                throw new ValidationException(problems);
            }
            return service().add(id, read).size();
        }, added -> {
            newNote.set("");
            notice.set(l10n.text("gui.attachments.added", added));
        });
    }

    /** Opens the form for the tile's kind and note. */
    public void edit(AttachmentTile tile) {
        editing.set(tile);
        editKind.set(tile.attachment().kind());
        editNote.set(tile.attachment().note() == null ? "" : tile.attachment().note());
    }

    public void cancelEdit() {
        editing.set(null);
        editKind.set(null);
        editNote.set("");
    }

    /** Saves the kind and note of the tile being edited. */
    public void saveEdit() {
        AttachmentTile tile = editing.get();
        if (tile == null || working.get()) {
            return;
        }
        AttachmentKind kind = editKind.get();
        String note = editNote.get();
        change(() -> service().change(tile.attachment().id(), kind, note), changed -> {
            cancelEdit();
            notice.set(l10n.text("gui.attachments.changed", changed.fileName()));
        });
    }

    /** Removes the attachment once the user confirms. */
    public void remove(AttachmentTile tile) {
        if (working.get()) {
            return;
        }
        String name = tile.attachment().fileName();
        int answer = editor.dialogs().ask(l10n.text("gui.lead.window"), l10n.text("gui.attachments.remove.confirm", name),
                l10n.text("gui.attachments.remove.advice"),
                List.of(l10n.text("gui.attachments.remove"), l10n.text("gui.attachments.keep")));
        if (answer != 0) {
            return;
        }
        change(() -> {
            service().remove(tile.attachment().id());
            return name;
        }, removed -> notice.set(l10n.text("gui.attachments.removed", removed)));
    }

    // ---- copies ----

    /** Asks where, then writes a copy of the attachment's checked bytes there. */
    public void saveCopy(AttachmentTile tile) {
        Attachment attachment = tile.attachment();
        String extension = extension(attachment.mediaType());
        Optional<Path> target = editor.dialogs().chooseSaveFile(l10n.text("gui.attachments.saveCopy"),
                withExtension(attachment.fileName(), extension), typeName(attachment.mediaType()), extension);
        if (target.isEmpty()) {
            return;
        }
        Path file = target.get();
        run(() -> {
            AttachedFile read = service().read(attachment.id());
            OutputFiles.writeAtomically(file, out -> out.write(read.content()));
            return file;
        }, saved -> notice.set(l10n.text("gui.attachments.saved", saved)));
    }

    /**
     * Writes a copy of the attachment to a folder of this user's own in the temporary folder (removed
     * when the program ends) and hands it to {@code viewer}, the system's program for the type.
     */
    public void openCopy(AttachmentTile tile, Consumer<Path> viewer) {
        Attachment attachment = tile.attachment();
        run(() -> {
            AttachedFile read = service().read(attachment.id());
            Path folder = Files.createTempDirectory("mediationdesk-attachment");
            Path copy = folder.resolve(withExtension(safeName(attachment.fileName()), extension(attachment.mediaType())));
            Files.write(copy, read.content());
            copy.toFile().deleteOnExit();
            folder.toFile().deleteOnExit();
            return copy;
        }, viewer::accept);
    }

    /** The system has no program to open the copy with: a saved copy is the way. */
    public void cannotOpen() {
        problem.set(l10n.text("gui.attachments.cannotOpen"));
    }

    // ---- background work ----

    private <T> void change(java.util.concurrent.Callable<T> work, Consumer<T> onDone) {
        working.set(true);
        problem.set("");
        notice.set("");
        editor.context().executor().execute(work, result -> {
            working.set(false);
            onDone.accept(result);
            refresh();
        }, failure -> {
            working.set(false);
            failed(failure);
        });
    }

    private <T> void run(java.util.concurrent.Callable<T> work, Consumer<T> onDone) {
        editor.context().executor().execute(work, onDone::accept, this::failed);
    }

    private void failed(Throwable failure) {
        if (failure instanceof ValidationException refused) {
            problem.set(refused.problems().stream().map(l10n::message).collect(Collectors.joining("\n")));
        } else if (failure instanceof DamagedAttachmentException damaged) {
            problem.set(damaged.describe(l10n));
        } else if (Refusals.refusalOf(failure).isPresent()) {
            problem.set(l10n.message(Refusals.refusalOf(failure).get().problem()));
        } else if (!KnownFailures.showIfKnown(failure, editor.dialogs(), l10n)) {
            LOG.warn("attachment work failed", failure);
            problem.set(l10n.text("gui.attachments.failed", failure instanceof IOException io ? io.getMessage()
                    : failure.getClass().getSimpleName()));
        }
    }

    // ---- labels ----

    public String kindLabel(AttachmentKind kind) {
        return kind == null ? "" : l10n.text(switch (kind) {
            case IDENTITY -> "gui.attachments.kind.identity";
            case EVIDENCE -> "gui.attachments.kind.evidence";
            case SIGNED_AGREEMENT -> "gui.attachments.kind.signedAgreement";
            case PERFORMANCE_PROOF -> "gui.attachments.kind.performanceProof";
            case COURT_PAPER -> "gui.attachments.kind.courtPaper";
            case OTHER -> "gui.attachments.kind.other";
        });
    }

    /** What kind of file it is and how large, e.g. "PDF · 1.2 MB". */
    public String typeLine(Attachment attachment) {
        return l10n.text("gui.attachments.typeLine", typeShortName(attachment.mediaType()),
                String.format(Locale.ROOT, "%.1f", attachment.size() / (1024.0 * 1024.0)));
    }

    public List<AttachmentKind> kinds() {
        return List.of(AttachmentKind.values());
    }

    private String typeName(String mediaType) {
        return l10n.text("gui.attachments.fileType", typeShortName(mediaType));
    }

    private static String typeShortName(String mediaType) {
        return switch (mediaType) {
            case AttachmentContent.PDF -> "PDF";
            case AttachmentContent.JPEG -> "JPEG";
            case AttachmentContent.PNG -> "PNG";
            default -> mediaType;
        };
    }

    private static String extension(String mediaType) {
        return switch (mediaType) {
            case AttachmentContent.PDF -> "pdf";
            case AttachmentContent.JPEG -> "jpg";
            default -> "png";
        };
    }

    /** The name with the extension its content calls for (a scan named "协议" is still a PDF). */
    private static String withExtension(String name, String extension) {
        String lower = name.toLowerCase(Locale.ROOT);
        boolean has = lower.endsWith("." + extension) || extension.equals("jpg") && lower.endsWith(".jpeg");
        return has ? name : name + "." + extension;
    }

    /** A name any file system takes: no folder separators or characters Windows refuses. */
    private static String safeName(String name) {
        String safe = name.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_").strip();
        return safe.isEmpty() || safe.startsWith(".") ? "attachment" + safe : safe;
    }

    // ---- properties ----

    public ObservableList<AttachmentTile> tiles() {
        return tiles;
    }

    public ObjectProperty<AttachmentKind> newKindProperty() {
        return newKind;
    }

    public StringProperty newNoteProperty() {
        return newNote;
    }

    public ReadOnlyObjectProperty<AttachmentTile> editingProperty() {
        return editing;
    }

    public ObjectProperty<AttachmentKind> editKindProperty() {
        return editKind;
    }

    public StringProperty editNoteProperty() {
        return editNote;
    }

    /** Whether the user may add, describe and remove attachments (else the section only shows them). */
    public ReadOnlyBooleanProperty editableProperty() {
        return editable;
    }

    public ReadOnlyBooleanProperty workingProperty() {
        return working;
    }

    /** Why the last change was refused, in words; empty when it was not. */
    public ReadOnlyStringProperty problemProperty() {
        return problem;
    }

    /** What the last change did, in words. */
    public ReadOnlyStringProperty noticeProperty() {
        return notice;
    }
}

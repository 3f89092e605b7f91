package cn.mediationdesk.gui.organization;

import cn.mediationdesk.logic.lifecycle.CaseNumberFormat;
import cn.mediationdesk.logic.organization.OrganizationChart;
import cn.mediationdesk.logic.organization.OrganizationService;
import cn.mediationdesk.model.Committee;
import cn.mediationdesk.model.CommitteeKind;
import cn.mediationdesk.model.Community;
import cn.mediationdesk.model.Problem;
import cn.mediationdesk.model.Problem.Field;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.List;
import java.util.Optional;

/**
 * Adds or edits a committee (人民调解委员会): code, name, the short name its case numbers carry
 * (with a preview of such a number), its kind, and for a community committee the community it
 * serves. A changed short name shows only in the numbers issued afterwards: a case number is
 * never re-formatted once issued.
 */
public final class CommitteeFormViewModel extends OrganizationFormViewModel<Committee> {
    /** The sequence number the preview shows: a plausible one, as in (2022)金宝人调字第012号. */
    private static final int PREVIEW_SEQUENCE = 12;

    private final StringProperty code = new SimpleStringProperty("");
    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty shortName = new SimpleStringProperty("");
    private final ObjectProperty<CommitteeKind> kind = new SimpleObjectProperty<>(CommitteeKind.COMMUNITY);
    private final ObjectProperty<Community> community = new SimpleObjectProperty<>();
    private final ObservableList<Community> communityOptions = FXCollections.observableArrayList();
    private final BooleanBinding servesCommunity;
    private final StringBinding caseNumberPreview;
    private final StringBinding shortNameNote;

    CommitteeFormViewModel(OrganizationViewModel owner) {
        super(owner, Field.CODE, Field.NAME, Field.SHORT_NAME, Field.COMMUNITY);
        problems().recheckRequired(Field.NAME, name);
        // a community committee names its community; a district one has none
        problems().recheckOnChange(Field.COMMUNITY.name(), community, () -> kind.get() == CommitteeKind.COMMUNITY
                && community.get() == null ? Optional.of(Problem.of(Field.COMMUNITY, "org.committee.communityMissing")) : Optional.empty());
        servesCommunity = kind.isEqualTo(CommitteeKind.COMMUNITY);
        caseNumberPreview = Bindings.createStringBinding(this::preview, shortName, owner.numberFormatProperty());
        shortNameNote = Bindings.createStringBinding(() -> editingItem()
                .map(c -> owner.chartProperty().get().hasIssuedCaseNumbers(c.id())
                        ? l10n.text("gui.org.committee.shortNameNote.issued")
                        : l10n.text("gui.org.committee.shortNameNote"))
                .orElse(l10n.text("gui.org.committee.shortNameNote.new")), editingProperty(), owner.chartProperty());
        // A new committee's short name follows its name until the user writes one of their own.
        name.addListener((obs, old, now) -> {
            if (editingItem().isEmpty() && (shortName.get() == null || shortName.get().isBlank()
                    || shortName.get().equals(OrganizationService.shortNameOf(old)))) {
                shortName.set(OrganizationService.shortNameOf(now));
            }
        });
    }

    private String preview() {
        String text = shortName.get() == null ? "" : shortName.get().strip();
        if (text.isEmpty()) {
            return "";
        }
        CaseNumberFormat format = owner.numberFormatProperty().get();
        return l10n.text("gui.org.committee.preview", format.format(owner.today().getYear(), text, PREVIEW_SEQUENCE));
    }

    public StringProperty codeProperty() {
        return code;
    }

    public StringProperty nameProperty() {
        return name;
    }

    /** The name in case numbers, e.g. 金宝 in (2022)金宝人调字第012号. */
    public StringProperty shortNameProperty() {
        return shortName;
    }

    public ObjectProperty<CommitteeKind> kindProperty() {
        return kind;
    }

    /** The community a community committee serves; ignored for the other kinds. */
    public ObjectProperty<Community> communityProperty() {
        return community;
    }

    public ObservableList<Community> communityOptions() {
        return communityOptions;
    }

    public List<CommitteeKind> kinds() {
        return List.of(CommitteeKind.values());
    }

    public BooleanBinding servesCommunityProperty() {
        return servesCommunity;
    }

    /** "案号示例：(2025)金宝人调字第012号" as the current format would issue it; empty without a short name. */
    public StringBinding caseNumberPreviewProperty() {
        return caseNumberPreview;
    }

    /** What changing the short name does to case numbers, for this committee. */
    public StringBinding shortNameNoteProperty() {
        return shortNameNote;
    }

    @Override
    protected String newTitle() {
        return l10n.text("gui.org.committee.newTitle");
    }

    @Override
    protected void fillForNew() {
        refreshOptions(owner.chartProperty().get(), null);
        code.set(OrganizationService.nextCode(OrganizationService.COMMITTEE_CODE_PREFIX,
                owner.committees().stream().map(Committee::code).toList()));
        name.set("");
        shortName.set("");
        kind.set(CommitteeKind.COMMUNITY);
        community.set(null);
    }

    @Override
    protected void fill(Committee item) {
        OrganizationChart chart = owner.chartProperty().get();
        refreshOptions(chart, item);
        code.set(item.code());
        name.set(item.name());
        shortName.set(item.shortName());
        kind.set(item.kind());
        community.set(chart.community(item.communityId()).orElse(null));
    }

    @Override
    protected void chartChanged(OrganizationChart chart) {
        refreshOptions(chart, editingItem().orElse(null));
    }

    private void refreshOptions(OrganizationChart chart, Committee committee) {
        Community chosen = community.get();
        communityOptions.setAll(chart.communities().stream()
                .filter(c -> c.active() || (committee != null && committee.communityId() != null
                        && c.id() == committee.communityId()))
                .toList());
        community.set(chosen == null ? null : chart.community(chosen.id()).orElse(null));
    }

    @Override
    protected OrganizationChange<Committee> creating() {
        Values v = values();
        return organization -> organization.createCommittee(v.code, v.name, v.shortName, v.kind, v.communityId);
    }

    @Override
    protected OrganizationChange<Committee> updating(Committee before) {
        Values v = values();
        return organization -> organization.updateCommittee(before.id(), v.code, v.name, v.shortName, v.kind,
                v.communityId);
    }

    private record Values(String code, String name, String shortName, CommitteeKind kind, Long communityId) {
    }

    private Values values() {
        CommitteeKind k = kind.get();
        Long served = k == CommitteeKind.COMMUNITY && community.get() != null ? community.get().id() : null;
        return new Values(code.get(), name.get(), shortName.get(), k, served);
    }

    @Override
    protected OrganizationService.Saved<Committee> setActive(OrganizationService organization, Committee item, boolean active) {
        return organization.setCommitteeActive(item.id(), active);
    }

    @Override
    protected List<Committee> all(OrganizationChart chart) {
        return chart.committees();
    }

    @Override
    protected long idOf(Committee item) {
        return item.id();
    }

    @Override
    protected String nameOf(Committee item) {
        return item.name();
    }

    @Override
    protected boolean isActive(Committee item) {
        return item.active();
    }
}

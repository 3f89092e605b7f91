package cn.mediationdesk.gui.lead;

import cn.mediationdesk.logic.l10n.Localization;
import cn.mediationdesk.logic.lifecycle.LeadChoices;
import cn.mediationdesk.logic.lifecycle.LeadFile;
import cn.mediationdesk.logic.lifecycle.NewLead;
import cn.mediationdesk.logic.lifecycle.PartyInput;
import cn.mediationdesk.model.Committee;
import cn.mediationdesk.model.CommitteeKind;
import cn.mediationdesk.model.Community;
import cn.mediationdesk.model.DictionaryEntry;
import cn.mediationdesk.model.Gender;
import cn.mediationdesk.model.Grid;
import cn.mediationdesk.model.Lead;
import cn.mediationdesk.model.AgentAuthority;
import cn.mediationdesk.model.AgentKind;
import cn.mediationdesk.model.Party;
import cn.mediationdesk.model.PartyAgent;
import cn.mediationdesk.model.PartyKind;
import cn.mediationdesk.model.PartyRole;
import cn.mediationdesk.model.Problem;
import cn.mediationdesk.model.Problem.Field;
import cn.mediationdesk.model.RiskLevel;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * 基本情况 and 当事人: the facts a lead is registered with, and its parties. Saving registers a new
 * lead or changes these facts of an existing one; they stay editable all its life.
 */
public final class DetailsSectionViewModel implements Draft {
    /** Problems about a party: each row shows its own (checked by PartyRules), the section says where to look. */
    private static final Set<Field> PARTY_FIELDS = Set.of(Field.NAME, Field.ID_NUMBER, Field.PHONE, Field.GENDER,
            Field.ADDRESS, Field.ETHNICITY, Field.BIRTH_DATE, Field.AGE, Field.OCCUPATION, Field.EMPLOYER,
            Field.CREDIT_CODE, Field.LEGAL_REPRESENTATIVE, Field.REPRESENTATIVE_TITLE, Field.AGENT, Field.AUTHORITY,
            Field.RELATION);

    private final LeadEditorViewModel editor;
    private final Localization l10n;

    private final ObservableList<Committee> committees = FXCollections.observableArrayList();
    private final ObservableList<Community> communities = FXCollections.observableArrayList();
    private final ObservableList<Grid> grids = FXCollections.observableArrayList();
    private final ObservableList<DictionaryEntry> sources = FXCollections.observableArrayList();
    private final ObservableList<DictionaryEntry> disputeTypes = FXCollections.observableArrayList();
    private final ObservableList<RiskLevel> riskLevels = FXCollections.observableArrayList(RiskLevel.values());

    private final ObjectProperty<Committee> committee = new SimpleObjectProperty<>();
    private final ObjectProperty<Community> community = new SimpleObjectProperty<>();
    private final ObjectProperty<Grid> grid = new SimpleObjectProperty<>();
    private final StringProperty leadNo = new SimpleStringProperty("");
    private final StringProperty foundOn = new SimpleStringProperty("");
    private final ObjectProperty<DictionaryEntry> source = new SimpleObjectProperty<>();
    private final ObjectProperty<DictionaryEntry> disputeType = new SimpleObjectProperty<>();
    private final StringProperty summary = new SimpleStringProperty("");
    private final StringProperty people = new SimpleStringProperty("");
    private final StringProperty amount = new SimpleStringProperty("");
    private final ObjectProperty<RiskLevel> risk = new SimpleObjectProperty<>(RiskLevel.DEFAULT);
    private final BooleanProperty criminalRisk = new SimpleBooleanProperty(false);
    private final BooleanProperty groupRisk = new SimpleBooleanProperty(false);
    private final ObservableList<PartyRowViewModel> parties =
            FXCollections.observableArrayList(PartyRowViewModel::observables);

    private final FieldErrors errors;
    private final Baseline baseline;
    private final BooleanBinding committeeFixed;

    DetailsSectionViewModel(LeadEditorViewModel editor) {
        this.editor = editor;
        this.l10n = editor.l10n();
        errors = new FieldErrors(l10n, Field.COMMITTEE, Field.COMMUNITY, Field.GRID, Field.LEAD_NO, Field.FOUND_ON,
                Field.SOURCE, Field.DISPUTE_TYPE, Field.SUMMARY, Field.PEOPLE, Field.AMOUNT, Field.RISK,
                Field.PARTIES)
                .routedBy(p -> PARTY_FIELDS.contains(p.field()) ? Field.PARTIES.name() : p.field().name());
        errors.recheckRequired(Field.COMMITTEE, committee);
        errors.recheckRequired(Field.COMMUNITY, community);
        errors.recheckRequired(Field.SOURCE, source);
        errors.recheckRequired(Field.DISPUTE_TYPE, disputeType);
        errors.recheckRequired(Field.SUMMARY, summary);
        errors.recheckOnChange(Field.FOUND_ON.name(), foundOn, () -> FormInput.isBlank(foundOn.get())
                ? java.util.Optional.of(Problem.of(Field.FOUND_ON, "rule.required"))
                : FormInput.problemOf(problems -> FormInput.date(foundOn.get(), Field.FOUND_ON, problems)));
        errors.recheckOnChange(Field.PEOPLE.name(), people,
                () -> FormInput.problemOf(problems -> FormInput.integer(people.get(), Field.PEOPLE, problems)));
        errors.recheckOnChange(Field.AMOUNT.name(), amount,
                () -> FormInput.problemOf(problems -> FormInput.amount(amount.get(), Field.AMOUNT, problems)));
        baseline = new Baseline(this::snapshot, committee, community, grid, leadNo, foundOn, source, disputeType,
                summary, people, amount, risk, criminalRisk, groupRisk, parties);
        committeeFixed = Bindings.createBooleanBinding(
                () -> editor.lead() != null && editor.lead().caseNumber() != null, editor.fileProperty());
        community.addListener((obs, old, now) -> offerGridsOf(now));
        committee.addListener((obs, old, now) -> {
            // A community committee serves one community: the likely place of a lead it takes.
            if (now != null && community.get() == null && now.kind() == CommitteeKind.COMMUNITY
                    && now.communityId() != null && editor.choices() != null) {
                editor.choices().community(now.communityId()).filter(Community::active).ifPresent(community::set);
            }
        });
    }

    /** Fills the form from {@code file} (or for a new lead), unless it holds unsaved entries that should stay. */
    void loaded(LeadFile file, boolean keepDraft) {
        LeadChoices choices = editor.choices();
        if (choices == null || (keepDraft && baseline.changed().get())) {
            return;
        }
        Lead lead = file == null ? null : file.lead();
        committees.setAll(choices.committees().stream()
                .filter(c -> c.active() || (lead != null && c.id() == lead.committeeId())).toList());
        communities.setAll(choices.communities().stream()
                .filter(c -> c.active() || (lead != null && c.id() == lead.communityId())).toList());
        sources.setAll(choices.sources().stream()
                .filter(e -> e.active() || (lead != null && e.code().equals(lead.sourceCode()))).toList());
        disputeTypes.setAll(choices.disputeTypes().stream()
                .filter(e -> e.active() || (lead != null && e.code().equals(lead.disputeTypeCode()))).toList());
        if (lead == null) {
            fillNew();
        } else {
            fill(lead, file.parties(), file.agents(), choices);
        }
        errors.clear();
        baseline.mark();
    }

    private void fillNew() {
        committee.set(committees.size() == 1 ? committees.getFirst() : null);
        if (community.get() == null && communities.size() == 1) {
            community.set(communities.getFirst());
        }
        foundOn.set(FormInput.text(editor.today()));
        risk.set(RiskLevel.DEFAULT);
        parties.clear();
    }

    private void fill(Lead lead, List<Party> stored, List<PartyAgent> agents, LeadChoices choices) {
        committee.set(choices.committee(lead.committeeId()).orElse(null));
        community.set(choices.community(lead.communityId()).orElse(null));
        offerGridsOf(community.get());
        grid.set(choices.grid(lead.gridId()).orElse(null));
        leadNo.set(FormInput.orEmpty(lead.leadNo()));
        foundOn.set(FormInput.text(lead.foundOn()));
        source.set(entry(sources, lead.sourceCode()));
        disputeType.set(entry(disputeTypes, lead.disputeTypeCode()));
        summary.set(FormInput.orEmpty(lead.summary()));
        people.set(FormInput.text(lead.peopleCount()));
        amount.set(FormInput.text(lead.amount()));
        risk.set(lead.risk());
        criminalRisk.set(lead.criminalRisk());
        groupRisk.set(lead.groupRisk());
        parties.setAll(stored.stream().map(p -> PartyRowViewModel.of(p, agents, l10n, editor::today)).toList());
    }

    private static DictionaryEntry entry(List<DictionaryEntry> entries, String code) {
        return entries.stream().filter(e -> e.code().equals(code)).findFirst().orElse(null);
    }

    private void offerGridsOf(Community chosen) {
        LeadChoices choices = editor.choices();
        Grid kept = grid.get();
        if (chosen == null || choices == null) {
            grids.clear();
        } else {
            List<Grid> offered = new ArrayList<>(choices.gridsOf(chosen.id()));
            if (kept != null && kept.communityId() == chosen.id() && !offered.contains(kept)) {
                offered.add(kept);
            }
            grids.setAll(offered);
        }
        if (kept != null && !grids.contains(kept)) {
            grid.set(null);
        }
    }

    /** Adds an empty party row: the first is the applicant, the others respondents until changed. */
    public PartyRowViewModel addParty() {
        PartyRowViewModel row = new PartyRowViewModel(l10n, editor::today,
                parties.isEmpty() ? PartyRole.APPLICANT : PartyRole.RESPONDENT);
        parties.add(row);
        return row;
    }

    public void removeParty(PartyRowViewModel row) {
        parties.remove(row);
    }

    @Override
    public void save(Runnable onSaved) {
        List<Problem> problems = new ArrayList<>();
        if (committee.get() == null) {
            problems.add(Problem.of(Field.COMMITTEE, "rule.required"));
        }
        if (community.get() == null) {
            problems.add(Problem.of(Field.COMMUNITY, "rule.required"));
        }
        var found = FormInput.date(foundOn.get(), Field.FOUND_ON, problems);
        Integer count = FormInput.integer(people.get(), Field.PEOPLE, problems);
        BigDecimal money = FormInput.amount(amount.get(), Field.AMOUNT, problems);
        boolean partiesRight = true;
        List<PartyInput> partyInputs = new ArrayList<>();
        for (PartyRowViewModel row : parties) {
            if (row.isBlank()) {
                row.clearErrors();
                continue;
            }
            partiesRight &= row.check();
            partyInputs.add(row.input());
        }
        if (!partiesRight) {
            problems.add(Problem.of(Field.PARTIES, "gui.lead.parties.fix"));
        }
        if (!problems.isEmpty()) {
            editor.rejectLocally(errors, problems);
            return;
        }
        NewLead input = new NewLead(committee.get().id(), community.get().id(), grid.get() == null ? null : grid.get().id(),
                FormInput.blankToNull(leadNo.get()), found, source.get() == null ? null : source.get().code(),
                disputeType.get() == null ? null : disputeType.get().code(), summary.get(), count, money, risk.get(),
                criminalRisk.get(), groupRisk.get(), partyInputs);
        editor.submit(errors, (lifecycle, current) -> current == null ? lifecycle.register(input).id()
                : lifecycle.updateDetails(current.id(), current.version(), input).id(), () -> {
                    loaded(editor.file(), false); // as stored: blank party rows gone, the form clean
                    onSaved.run();
                });
    }

    /** Saves the form (registers a new lead); what the "save" button does. */
    public void save() {
        save(() -> { });
    }

    List<Object> snapshot() {
        List<Object> values = new ArrayList<>(Arrays.asList(id(committee.get()), id(community.get()), id(grid.get()),
                FormInput.orEmpty(leadNo.get()).strip(), normalizedDate(foundOn.get()), code(source.get()),
                code(disputeType.get()), FormInput.orEmpty(summary.get()).strip(),
                FormInput.orEmpty(people.get()).strip(), FormInput.orEmpty(amount.get()).strip(), risk.get(),
                criminalRisk.get(), groupRisk.get()));
        for (PartyRowViewModel row : parties) {
            if (!row.isBlank()) {
                values.add(row.snapshot());
            }
        }
        return values;
    }

    /** 2022/3/5 and 2022-03-05 are the same day: retyping a date differently changes nothing. */
    private static String normalizedDate(String text) {
        var date = FormInput.dateOrNull(text);
        return date != null ? date.toString() : FormInput.orEmpty(text).strip();
    }

    private static Object id(Object entry) {
        return switch (entry) {
            case Committee c -> c.id();
            case Community c -> c.id();
            case Grid g -> g.id();
            case null, default -> null;
        };
    }

    private static String code(DictionaryEntry entry) {
        return entry == null ? null : entry.code();
    }

    // ---- labels ----

    public String label(Committee value) {
        return value == null ? "" : value.active() ? value.name() : l10n.text("gui.lead.inactive", value.name());
    }

    public String label(Community value) {
        return value == null ? "" : value.active() ? value.name() : l10n.text("gui.lead.inactive", value.name());
    }

    public String label(Grid value) {
        return value == null ? "" : value.name();
    }

    public String label(DictionaryEntry value) {
        return value == null ? "" : value.name(l10n.isChinese());
    }

    public String label(RiskLevel value) {
        return value == null ? "" : switch (value) {
            case BLUE -> l10n.text("gui.lead.risk.blue");
            case YELLOW -> l10n.text("gui.lead.risk.yellow");
            case ORANGE -> l10n.text("gui.lead.risk.orange");
            case RED -> l10n.text("gui.lead.risk.red");
        };
    }

    public String label(Gender value) {
        return value == null ? "" : switch (value) {
            case MALE -> l10n.text("gui.lead.gender.male");
            case FEMALE -> l10n.text("gui.lead.gender.female");
        };
    }

    public String label(PartyRole value) {
        return value == null ? "" : switch (value) {
            case APPLICANT -> l10n.text("gui.lead.role.applicant");
            case RESPONDENT -> l10n.text("gui.lead.role.respondent");
            case OTHER -> l10n.text("gui.lead.role.other");
        };
    }

    public String label(PartyKind value) {
        return value == null ? "" : switch (value) {
            case PERSON -> l10n.text("gui.lead.parties.kind.person");
            case LEGAL_PERSON -> l10n.text("gui.lead.parties.kind.legalPerson");
            case ORGANIZATION -> l10n.text("gui.lead.parties.kind.organization");
        };
    }

    public String label(AgentKind value) {
        return value == null ? "" : switch (value) {
            case LEGAL -> l10n.text("gui.lead.agents.kind.legal");
            case ENTRUSTED -> l10n.text("gui.lead.agents.kind.entrusted");
        };
    }

    public String label(AgentAuthority value) {
        return value == null ? "" : switch (value) {
            case GENERAL -> l10n.text("gui.lead.agents.authority.general");
            case SPECIAL -> l10n.text("gui.lead.agents.authority.special");
        };
    }

    public List<PartyKind> partyKinds() {
        return List.of(PartyKind.values());
    }

    public List<AgentKind> agentKinds() {
        return List.of(AgentKind.values());
    }

    public List<AgentAuthority> authorities() {
        return List.of(AgentAuthority.values());
    }

    public List<Gender> genders() {
        return List.of(Gender.values());
    }

    public List<PartyRole> roles() {
        return List.of(PartyRole.values());
    }

    // ---- properties ----

    @Override
    public ObservableBooleanValue dirtyProperty() {
        return baseline.changed();
    }

    /** A committee that has issued the case number stays: the number belongs to it. */
    public ObservableBooleanValue committeeFixedProperty() {
        return committeeFixed;
    }

    public ReadOnlyStringProperty error(Field field) {
        return errors.message(field);
    }

    public ReadOnlyStringProperty generalError() {
        return errors.general();
    }

    public ObservableList<Committee> committees() {
        return committees;
    }

    public ObservableList<Community> communities() {
        return communities;
    }

    public ObservableList<Grid> grids() {
        return grids;
    }

    public ObservableList<DictionaryEntry> sources() {
        return sources;
    }

    public ObservableList<DictionaryEntry> disputeTypes() {
        return disputeTypes;
    }

    public ObservableList<RiskLevel> riskLevels() {
        return riskLevels;
    }

    public ObjectProperty<Committee> committeeProperty() {
        return committee;
    }

    public ObjectProperty<Community> communityProperty() {
        return community;
    }

    public ObjectProperty<Grid> gridProperty() {
        return grid;
    }

    public StringProperty leadNoProperty() {
        return leadNo;
    }

    public StringProperty foundOnProperty() {
        return foundOn;
    }

    public ObjectProperty<DictionaryEntry> sourceProperty() {
        return source;
    }

    public ObjectProperty<DictionaryEntry> disputeTypeProperty() {
        return disputeType;
    }

    public StringProperty summaryProperty() {
        return summary;
    }

    public StringProperty peopleProperty() {
        return people;
    }

    public StringProperty amountProperty() {
        return amount;
    }

    public ObjectProperty<RiskLevel> riskProperty() {
        return risk;
    }

    public BooleanProperty criminalRiskProperty() {
        return criminalRisk;
    }

    public BooleanProperty groupRiskProperty() {
        return groupRisk;
    }

    public ObservableList<PartyRowViewModel> parties() {
        return parties;
    }
}

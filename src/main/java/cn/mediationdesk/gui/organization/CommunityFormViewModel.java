package cn.mediationdesk.gui.organization;

import cn.mediationdesk.logic.organization.OrganizationChart;
import cn.mediationdesk.logic.organization.OrganizationService;
import cn.mediationdesk.model.Community;
import cn.mediationdesk.model.Problem.Field;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.List;

/** Adds or edits a community (社区 / 村): its code and its name. */
public final class CommunityFormViewModel extends OrganizationFormViewModel<Community> {
    private final StringProperty code = new SimpleStringProperty("");
    private final StringProperty name = new SimpleStringProperty("");

    CommunityFormViewModel(OrganizationViewModel owner) {
        super(owner, Field.CODE, Field.NAME);
        problems().recheckRequired(Field.NAME, name);
    }

    public StringProperty codeProperty() {
        return code;
    }

    public StringProperty nameProperty() {
        return name;
    }

    @Override
    protected String newTitle() {
        return l10n.text("gui.org.community.newTitle");
    }

    @Override
    protected void fillForNew() {
        code.set(OrganizationService.nextCode(OrganizationService.COMMUNITY_CODE_PREFIX,
                owner.communities().stream().map(Community::code).toList()));
        name.set("");
    }

    @Override
    protected void fill(Community item) {
        code.set(item.code());
        name.set(item.name());
    }

    @Override
    protected OrganizationChange<Community> creating() {
        String c = code.get();
        String n = name.get();
        return organization -> organization.createCommunity(c, n);
    }

    @Override
    protected OrganizationChange<Community> updating(Community before) {
        String c = code.get();
        String n = name.get();
        return organization -> organization.updateCommunity(before.id(), c, n);
    }

    @Override
    protected OrganizationService.Saved<Community> setActive(OrganizationService organization, Community item, boolean active) {
        return organization.setCommunityActive(item.id(), active);
    }

    @Override
    protected List<Community> all(OrganizationChart chart) {
        return chart.communities();
    }

    @Override
    protected long idOf(Community item) {
        return item.id();
    }

    @Override
    protected String nameOf(Community item) {
        return item.name();
    }

    @Override
    protected boolean isActive(Community item) {
        return item.active();
    }
}

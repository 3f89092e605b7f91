package cn.mediationdesk.gui.agenda;

import cn.mediationdesk.gui.common.TaskExecutor;
import cn.mediationdesk.logic.PermissionDeniedException;
import cn.mediationdesk.logic.ValidationException;
import cn.mediationdesk.logic.agenda.AgendaService;
import cn.mediationdesk.logic.agenda.AgendaSettings;
import cn.mediationdesk.logic.l10n.Localization;
import cn.mediationdesk.model.Problem;
import cn.mediationdesk.model.User;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agenda's settings on the 设置 screen: how many days before a time limit it warns, and how many
 * days after closing a follow-up visit is due. Everyone reads them; only an administrator changes
 * them (the service checks).
 */
public final class AgendaSettingsViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(AgendaSettingsViewModel.class);

    private final AgendaService service;
    private final User user;
    private final Localization l10n;
    private final TaskExecutor executor;
    private final StringProperty warnDays = new SimpleStringProperty("");
    private final StringProperty followUpDays = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper warnDaysProblem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper followUpDaysProblem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper saved = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(true);

    public AgendaSettingsViewModel(AgendaService service, User user, Localization l10n, TaskExecutor executor) {
        this.service = service;
        this.user = user;
        this.l10n = l10n;
        this.executor = executor;
    }

    public boolean canChange() {
        return user != null && user.isAdmin();
    }

    public void load() {
        busy.set(true);
        executor.execute(service::settings, settings -> {
            busy.set(false);
            show(settings);
        }, failure -> {
            busy.set(false);
            LOG.warn("the agenda settings could not be read", failure);
            message.set(l10n.text("gui.agenda.settings.failed"));
        });
    }

    private void show(AgendaSettings settings) {
        warnDays.set(Integer.toString(settings.warnDays()));
        followUpDays.set(Integer.toString(settings.followUpDays()));
    }

    public void save() {
        Integer warn = number(warnDays.get(), warnDaysProblem, AgendaSettings.MIN_WARN_DAYS, AgendaSettings.MAX_WARN_DAYS);
        Integer followUp = number(followUpDays.get(), followUpDaysProblem, AgendaSettings.MIN_FOLLOW_UP_DAYS,
                AgendaSettings.MAX_FOLLOW_UP_DAYS);
        saved.set(false);
        if (warn == null || followUp == null) {
            message.set("");
            return;
        }
        busy.set(true);
        executor.execute(() -> service.changeSettings(user, warn, followUp), settings -> {
            busy.set(false);
            show(settings);
            saved.set(true);
            message.set(l10n.text("gui.agenda.settings.saved"));
        }, failure -> {
            busy.set(false);
            switch (failure) {
                case ValidationException invalid -> {
                    for (Problem problem : invalid.problems()) {
                        (problem.field() == Problem.Field.FOLLOW_UP_DAYS ? followUpDaysProblem : warnDaysProblem)
                                .set(l10n.message(problem));
                    }
                    message.set("");
                }
                case PermissionDeniedException refused -> message.set(l10n.message(refused.problem()));
                default -> {
                    LOG.warn("the agenda settings could not be saved", failure);
                    message.set(l10n.text("gui.agenda.settings.failed"));
                }
            }
        });
    }

    /** The whole number typed, or {@code null} with the problem shown at the field. */
    private Integer number(String text, ReadOnlyStringWrapper problem, int min, int max) {
        String value = text == null ? "" : text.strip();
        if (!value.matches("\\d{1,4}") || Integer.parseInt(value) < min || Integer.parseInt(value) > max) {
            problem.set(l10n.text("agenda.settings.range", min, max));
            return null;
        }
        problem.set("");
        return Integer.parseInt(value);
    }

    public StringProperty warnDaysProperty() {
        return warnDays;
    }

    public StringProperty followUpDaysProperty() {
        return followUpDays;
    }

    public ReadOnlyStringProperty warnDaysProblemProperty() {
        return warnDaysProblem.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty followUpDaysProblemProperty() {
        return followUpDaysProblem.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty savedProperty() {
        return saved.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }
}

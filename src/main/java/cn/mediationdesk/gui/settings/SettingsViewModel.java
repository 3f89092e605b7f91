package cn.mediationdesk.gui.settings;

import cn.mediationdesk.gui.common.FieldMessages;
import cn.mediationdesk.gui.common.KnownFailures;
import cn.mediationdesk.gui.common.Refusals;
import cn.mediationdesk.gui.common.TaskExecutor;
import cn.mediationdesk.logic.PermissionDeniedException;
import cn.mediationdesk.logic.ValidationException;
import cn.mediationdesk.logic.l10n.Localization;
import cn.mediationdesk.logic.lifecycle.CaseNumberFormat;
import cn.mediationdesk.logic.lifecycle.CaseSettings;
import cn.mediationdesk.logic.lifecycle.CaseSettingsService;
import cn.mediationdesk.logic.security.UserRules;
import cn.mediationdesk.logic.security.UserService;
import cn.mediationdesk.model.Problem;
import cn.mediationdesk.model.Problem.Field;
import cn.mediationdesk.model.User;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The Settings screen: the window's language (for this user, at once and at the next start), the
 * case settings every PC shares (time limit and case-number format; administrators only, which
 * {@link CaseSettingsService} enforces), and the user's own password.
 */
public final class SettingsViewModel {
    private static final String CURRENT = "current";
    private static final String REPEAT = "repeat";
    private static final String CURRENT_REQUIRED = "gui.settings.password.currentRequired";
    private static final String CURRENT_WRONG = "user.password.currentWrong";
    private static final String MISMATCH = "gui.settings.password.mismatch";
    private static final Logger LOG = LoggerFactory.getLogger(SettingsViewModel.class);
    /** The sequence number the preview shows, as in the seed report's (2022)金宝人调字第012号. */
    static final int PREVIEW_SEQUENCE = 12;

    private final CaseSettingsService caseSettings;
    private final UserService users;
    private final User user;
    private final Localization l10n;
    private final Clock clock;
    private final TaskExecutor executor;
    private final LanguagePreference languages;
    private final Consumer<Locale> languageSwitch;

    private final ObjectProperty<Locale> language;
    private final StringProperty timeLimit = new SimpleStringProperty("");
    private final StringProperty numberPattern = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper timeLimitProblem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper patternProblem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper preview = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper caseMessage = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper caseSaved = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);

    private final StringProperty currentPassword = new SimpleStringProperty("");
    private final StringProperty newPassword = new SimpleStringProperty("");
    private final StringProperty newPasswordRepeat = new SimpleStringProperty("");
    /** The password form's messages: the current password, the new one ({@code PASSWORD}) and its repetition. */
    private final FieldMessages passwordProblems;
    private final ReadOnlyStringWrapper passwordMessage = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper passwordChanged = new ReadOnlyBooleanWrapper(false);

    private String sampleShortName = "";

    private final IdleLockSetting idleLock;
    private final StringProperty idleMinutes = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper idleProblem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper idleMessage = new ReadOnlyStringWrapper("");

    /**
     * @param user           who works on the screen; {@code null} allows only the language choice
     * @param languageSwitch rebuilds the window in the chosen language (the application does that)
     */
    public SettingsViewModel(CaseSettingsService caseSettings, UserService users, User user, Localization l10n,
                             Clock clock, TaskExecutor executor, LanguagePreference languages,
                             Consumer<Locale> languageSwitch) {
        this(caseSettings, users, user, l10n, clock, executor, languages, languageSwitch, null);
    }

    /** @param idleLock this PC's idle-lock time; {@code null} leaves it off the screen */
    public SettingsViewModel(CaseSettingsService caseSettings, UserService users, User user, Localization l10n,
                             Clock clock, TaskExecutor executor, LanguagePreference languages,
                             Consumer<Locale> languageSwitch, IdleLockSetting idleLock) {
        this.idleLock = idleLock;
        if (idleLock != null) {
            idleMinutes.set(Integer.toString(idleLock.minutes()));
        }
        idleMinutes.addListener((obs, old, now) -> {
            idleProblem.set("");
            idleMessage.set("");
        });
        this.caseSettings = caseSettings;
        this.users = users;
        this.user = user;
        this.l10n = l10n;
        this.clock = clock;
        this.executor = executor;
        this.languages = languages;
        this.languageSwitch = languageSwitch;
        this.language = new SimpleObjectProperty<>(l10n.locale());
        timeLimit.addListener((obs, old, now) -> {
            timeLimitProblem.set(timeLimitProblemOf(now));
            caseMessage.set("");
        });
        numberPattern.addListener((obs, old, now) -> {
            patternProblem.set(firstMessage(CaseSettingsService.patternProblems(now)));
            updatePreview();
            caseMessage.set("");
        });
        passwordProblems = new FieldMessages(l10n, "\n", Field.PASSWORD);
        passwordProblems.addSlot(CURRENT);
        passwordProblems.addSlot(REPEAT);
        passwordProblems.route(p -> p.key().equals(MISMATCH) ? REPEAT
                : p.key().equals(CURRENT_REQUIRED) || p.key().equals(CURRENT_WRONG) ? CURRENT
                : p.field() == Field.PASSWORD ? Field.PASSWORD.name() : null);
        passwordProblems.recheckOnChange(CURRENT, currentPassword, () -> currentPassword.get().isEmpty()
                ? Optional.of(Problem.of(Field.PASSWORD, CURRENT_REQUIRED)) : Optional.empty());
        passwordProblems.recheckOnChange(Field.PASSWORD.name(), newPassword,
                () -> UserRules.passwordProblems(newPassword.get()).stream().findFirst());
        passwordProblems.recheckOnChange(REPEAT, newPasswordRepeat, () -> newPassword.get().equals(newPasswordRepeat.get())
                ? Optional.empty() : Optional.of(Problem.of(Field.PASSWORD, MISMATCH)));
    }

    /** The languages offered, each named in its own language. */
    public List<Locale> languages() {
        return List.of(Localization.CHINESE, Localization.ENGLISH);
    }

    public String languageName(Locale locale) {
        return Localization.ENGLISH.equals(locale) ? l10n.text("gui.settings.language.english")
                : l10n.text("gui.settings.language.chinese");
    }

    /** Switches the window to {@code locale} and remembers it for this user's next start. */
    public void chooseLanguage(Locale locale) {
        if (locale == null || locale.equals(l10n.locale())) {
            return;
        }
        language.set(locale);
        if (user != null) {
            languages.remember(user.username(), locale);
        }
        languageSwitch.accept(locale);
    }

    /** Reads the case settings (and a committee's short name for the preview) off the FX thread. */
    public void load() {
        busy.set(true);
        executor.execute(() -> new Loaded(caseSettings.current(), caseSettings.sampleShortName()), done -> {
            busy.set(false);
            sampleShortName = done.shortName();
            timeLimit.set(Integer.toString(done.settings().timeLimitDays()));
            numberPattern.set(done.settings().numberFormat().pattern());
            updatePreview();
            caseMessage.set("");
            loaded.set(true);
        }, failure -> {
            busy.set(false);
            LOG.warn("reading the case settings failed", failure);
            caseMessage.set(l10n.text("gui.settings.failed", KnownFailures.reason(failure)));
        });
    }

    private record Loaded(CaseSettings settings, String shortName) {
    }

    /** Whether this user may change the case settings; the service checks it again. */
    public boolean canChangeCaseSettings() {
        return user != null && user.isAdmin();
    }

    public void restoreDefaultPattern() {
        numberPattern.set(CaseNumberFormat.DEFAULT_PATTERN);
    }

    public void saveCaseSettings() {
        if (busy.get() || !loaded.get()) {
            return;
        }
        String limitProblem = timeLimitProblemOf(timeLimit.get());
        String formatProblem = firstMessage(CaseSettingsService.patternProblems(numberPattern.get()));
        timeLimitProblem.set(limitProblem);
        patternProblem.set(formatProblem);
        if (!limitProblem.isEmpty() || !formatProblem.isEmpty()) {
            return;
        }
        int days = Integer.parseInt(timeLimit.get().strip());
        String pattern = numberPattern.get().strip();
        busy.set(true);
        executor.execute(() -> caseSettings.change(user, days, pattern), saved -> {
            busy.set(false);
            caseSaved.set(true);
            caseMessage.set(l10n.text("gui.settings.case.saved"));
        }, failure -> {
            busy.set(false);
            caseSaved.set(false);
            if (failure instanceof PermissionDeniedException denied) {
                caseMessage.set(l10n.message(denied.problem()));
            } else if (failure instanceof ValidationException invalid) {
                for (Problem problem : invalid.problems()) {
                    switch (problem.field()) {
                        case TIME_LIMIT -> timeLimitProblem.set(l10n.message(problem));
                        case NUMBER_PATTERN -> patternProblem.set(l10n.message(problem));
                        default -> caseMessage.set(l10n.message(problem));
                    }
                }
            } else if (Refusals.refusalOf(failure).isPresent()) {
                caseMessage.set(l10n.message(Refusals.refusalOf(failure).get().problem()));
            } else {
                LOG.warn("saving the case settings failed", failure);
                caseMessage.set(l10n.text("gui.settings.failed", KnownFailures.reason(failure)));
            }
        });
    }

    public void changePassword() {
        if (busy.get() || user == null) {
            return;
        }
        passwordMessage.set("");
        passwordChanged.set(false);
        List<Problem> found = new ArrayList<>();
        if (currentPassword.get().isEmpty()) {
            found.add(Problem.of(Field.PASSWORD, CURRENT_REQUIRED));
        } else {
            found.addAll(UserRules.passwordProblems(newPassword.get()).stream().limit(1).toList());
            if (found.isEmpty() && !newPassword.get().equals(newPasswordRepeat.get())) {
                found.add(Problem.of(Field.PASSWORD, MISMATCH));
            }
        }
        passwordProblems.show(found);
        if (!found.isEmpty()) {
            return;
        }
        String current = currentPassword.get();
        String chosen = newPassword.get();
        busy.set(true);
        executor.execute(() -> {
            users.changePassword(user, current, chosen);
            return Boolean.TRUE;
        }, done -> {
            busy.set(false);
            currentPassword.set("");
            newPassword.set("");
            newPasswordRepeat.set("");
            passwordChanged.set(true);
            passwordMessage.set(l10n.text("gui.settings.password.changed"));
        }, failure -> {
            busy.set(false);
            if (failure instanceof ValidationException invalid) {
                Problem problem = invalid.problems().getFirst();
                passwordProblems.show(List.of(problem));
                passwordMessage.set(passwordProblems.showsAtItsControl(problem) ? "" : l10n.message(problem));
            } else if (Refusals.refusalOf(failure).isPresent()) {
                passwordMessage.set(l10n.message(Refusals.refusalOf(failure).get().problem()));
            } else {
                LOG.warn("changing the password failed", failure);
                passwordMessage.set(l10n.text("gui.settings.failed", KnownFailures.reason(failure)));
            }
        });
    }

    /** Whether the screen offers the idle-lock time. */
    public boolean offersIdleLock() {
        return idleLock != null;
    }

    /** Remembers the idle-lock minutes typed (0 = never) for this PC; the window follows at once. */
    public void saveIdleLock() {
        if (idleLock == null) {
            return;
        }
        String text = idleMinutes.get() == null ? "" : idleMinutes.get().strip();
        if (!text.matches("\\d{1,4}") || Integer.parseInt(text) > IdleLockSetting.MAX_MINUTES) {
            idleProblem.set(l10n.text("gui.settings.idle.invalid", IdleLockSetting.MAX_MINUTES));
            return;
        }
        int minutes = Integer.parseInt(text);
        idleLock.remember(minutes);
        idleMinutes.set(Integer.toString(minutes));
        idleMessage.set(minutes == 0 ? l10n.text("gui.settings.idle.savedNever")
                : l10n.text("gui.settings.idle.saved", minutes));
    }

    /** The idle minutes before the window locks, as typed; 0 = never. */
    public StringProperty idleMinutesProperty() {
        return idleMinutes;
    }

    public ReadOnlyStringProperty idleProblemProperty() {
        return idleProblem.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty idleMessageProperty() {
        return idleMessage.getReadOnlyProperty();
    }

    private String timeLimitProblemOf(String text) {
        String days = text == null ? "" : text.strip();
        if (!days.matches("\\d{1,9}")) {
            return l10n.text("gui.settings.timeLimit.notANumber", CaseSettingsService.MIN_TIME_LIMIT_DAYS,
                    CaseSettingsService.MAX_TIME_LIMIT_DAYS);
        }
        return firstMessage(CaseSettingsService.timeLimitProblems(Integer.parseInt(days)));
    }

    private void updatePreview() {
        preview.set(CaseSettingsService.preview(numberPattern.get(), LocalDate.now(clock).getYear(), sampleShortName,
                PREVIEW_SEQUENCE));
    }

    private String firstMessage(List<Problem> problems) {
        return problems.isEmpty() ? "" : l10n.message(problems.getFirst());
    }


    public ObjectProperty<Locale> languageProperty() {
        return language;
    }

    /** The overdue time limit in days, as typed. */
    public StringProperty timeLimitProperty() {
        return timeLimit;
    }

    public StringProperty numberPatternProperty() {
        return numberPattern;
    }

    public ReadOnlyStringProperty timeLimitProblemProperty() {
        return timeLimitProblem.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty patternProblemProperty() {
        return patternProblem.getReadOnlyProperty();
    }

    /** A case number in the typed format, e.g. (2023)金宝人调字第012号; empty while the format is wrong. */
    public ReadOnlyStringProperty previewProperty() {
        return preview.getReadOnlyProperty();
    }

    /** "Saved", or why the case settings were not saved; empty when there is nothing to say. */
    public ReadOnlyStringProperty caseMessageProperty() {
        return caseMessage.getReadOnlyProperty();
    }

    /** Whether {@link #caseMessageProperty()} reports a success. */
    public ReadOnlyBooleanProperty caseSavedProperty() {
        return caseSaved.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public StringProperty currentPasswordProperty() {
        return currentPassword;
    }

    public StringProperty newPasswordProperty() {
        return newPassword;
    }

    public StringProperty newPasswordRepeatProperty() {
        return newPasswordRepeat;
    }

    public ReadOnlyStringProperty currentPasswordProblemProperty() {
        return passwordProblems.message(CURRENT);
    }

    public ReadOnlyStringProperty newPasswordProblemProperty() {
        return passwordProblems.message(Field.PASSWORD);
    }

    public ReadOnlyStringProperty repeatProblemProperty() {
        return passwordProblems.message(REPEAT);
    }

    public ReadOnlyStringProperty passwordMessageProperty() {
        return passwordMessage.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty passwordChangedProperty() {
        return passwordChanged.getReadOnlyProperty();
    }

    /** The account whose password the screen changes, e.g. "wangfang"; empty without a user. */
    public String username() {
        return user == null ? "" : user.username();
    }
}

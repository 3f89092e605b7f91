package cn.mediationdesk.gui.startup;

import cn.mediationdesk.gui.common.KnownFailures;
import cn.mediationdesk.logic.ValidationException;
import cn.mediationdesk.logic.l10n.Localization;
import cn.mediationdesk.logic.store.DatabaseOpenException;

/**
 * Why a database could not be opened or created, in the user's words: what happened and what to
 * do about it. Never a stack trace; the exception itself goes to the log.
 *
 * @param headline what happened, in one short sentence
 * @param advice what the user can do next
 * @param retryMakesSense whether trying again may help (the file was locked, the server down …)
 */
public record OpenProblem(String headline, String advice, boolean retryMakesSense) {

    public static OpenProblem of(Throwable failure, String location, Localization l10n) {
        if (failure instanceof DatabaseOpenException open) {
            String key = "gui.open.problem." + open.reason().name();
            String where = open.location() != null ? open.location() : location;
            boolean retry = switch (open.reason()) {
                case NEWER_SCHEMA, WRONG_PASSWORD, EXISTS, EMPTY, DAMAGED, NOT_OURS, KEY_MISSING, SERVER_RIGHTS -> false;
                case MISSING, LOCKED, UNREADABLE, UNREACHABLE -> true;
            };
            String advice = l10n.text(key + ".advice", where);
            if (open.newestBackup().isPresent()) {
                advice += "\n" + l10n.text("gui.open.problem.newestBackup", open.newestBackup().get());
            }
            return new OpenProblem(l10n.text(key, where), advice, retry);
        }
        if (failure instanceof ValidationException invalid) {
            return new OpenProblem(l10n.message(invalid.problems().getFirst()),
                    l10n.text("gui.open.problem.REFUSED.advice"), false);
        }
        String detail = KnownFailures.reason(failure);
        return new OpenProblem(l10n.text("gui.open.problem.UNEXPECTED", location),
                l10n.text("gui.open.problem.UNEXPECTED.advice", detail), true);
    }

    public static OpenProblem invalidLocation(String location, Localization l10n) {
        return new OpenProblem(l10n.text("gui.open.problem.INVALID_LOCATION", location),
                l10n.text("gui.open.problem.INVALID_LOCATION.advice", location), false);
    }
}

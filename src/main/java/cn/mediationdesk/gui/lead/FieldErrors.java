package cn.mediationdesk.gui.lead;

import cn.mediationdesk.gui.common.FieldMessages;
import cn.mediationdesk.logic.l10n.Localization;
import cn.mediationdesk.model.Problem;

import java.util.function.Function;

/**
 * The messages of one of the editor's forms (see {@link FieldMessages}), a line each under its control.
 */
final class FieldErrors extends FieldMessages {

    FieldErrors(Localization l10n, Problem.Field... fields) {
        super(l10n, "\n", fields);
    }

    /** Adds a control that is not one field of its own, e.g. the second date of a form. */
    FieldErrors slot(String name) {
        addSlot(name);
        return this;
    }

    /** Decides which slot a problem belongs to, for forms where one field name covers two controls. */
    FieldErrors routedBy(Function<Problem, String> route) {
        route(route);
        return this;
    }
}

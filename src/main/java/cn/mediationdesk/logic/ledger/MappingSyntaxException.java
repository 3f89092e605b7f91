package cn.mediationdesk.logic.ledger;

import cn.mediationdesk.model.Problem;
import cn.mediationdesk.model.Problem.Field;

/** A column mapping's text form does not read; the problem names the entry at fault (a usage error). */
public class MappingSyntaxException extends IllegalArgumentException {
    private final transient Problem problem;

    public MappingSyntaxException(String key, Object... args) {
        super(key);
        this.problem = Problem.of(Field.COLUMN, key, args);
    }

    public Problem problem() {
        return problem;
    }
}

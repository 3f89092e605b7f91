package cn.mediationdesk.logic;

import cn.mediationdesk.model.Problem;

import java.util.Objects;

/**
 * Thrown by a service when the acting user may not do what was asked (DESIGN §9); nothing has been
 * read out or written. The command line turns it into exit code 5.
 */
public class PermissionDeniedException extends RuntimeException {
    private final transient Problem problem;

    public PermissionDeniedException(Problem problem) {
        super(Objects.requireNonNull(problem).key());
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}

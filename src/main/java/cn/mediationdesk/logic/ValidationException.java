package cn.mediationdesk.logic;

import cn.mediationdesk.model.Problem;

import java.util.List;

/** Thrown by a service when input breaks rules; nothing has been written. Carries every problem found. */
public class ValidationException extends RuntimeException {
    private final transient List<Problem> problems;

    public ValidationException(List<Problem> problems) {
        super(problems.isEmpty() ? "invalid input" : problems.getFirst().key());
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a validation failure needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    public ValidationException(Problem problem) {
        this(List.of(problem));
    }

    public List<Problem> problems() {
        return problems;
    }
}

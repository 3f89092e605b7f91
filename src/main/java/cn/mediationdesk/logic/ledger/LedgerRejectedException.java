package cn.mediationdesk.logic.ledger;

import java.util.Comparator;
import java.util.List;

/** A ledger file was refused whole: nothing was written. Carries every problem found, in row order. */
public class LedgerRejectedException extends RuntimeException {
    private final transient List<RowProblem> problems;

    public LedgerRejectedException(List<RowProblem> problems) {
        super(problems.size() + " problem(s) in the ledger");
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a rejected ledger needs at least one problem");
        }
        // A stable sort keeps the problems of one row in the order the checks found them.
        this.problems = problems.stream().sorted(Comparator.comparingInt(RowProblem::row)).toList();
    }

    public LedgerRejectedException(RowProblem problem) {
        this(List.of(problem));
    }

    public List<RowProblem> problems() {
        return problems;
    }
}

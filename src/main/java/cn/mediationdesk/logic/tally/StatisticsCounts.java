package cn.mediationdesk.logic.tally;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * The figures of the official statistics table (人民调解案件统计表) for one group of leads, counted
 * like the tally of DESIGN §5: leads found in the period, each in its state at the end of the as-of
 * day. Everything but {@code accepted} is about the cases resolved by then.
 *
 * @param accepted          accepted cases (the tally's {@code accepted})
 * @param resolved          cases resolved (the tally's {@code resolved})
 * @param written           resolved with a written agreement (调解协议书)
 * @param oral              resolved with an oral agreement (口头协议)
 * @param amount            the sum of the amounts the agreements name, in yuan
 * @param criminalCases     resolved cases flagged 可能民转刑: escalations to a crime prevented
 * @param criminalPersons   the people those cases involve
 * @param groupCases        resolved cases flagged 可能引发群体性事件: group incidents prevented
 * @param groupPersons      the people those cases involve
 * @param performed         resolved cases whose latest follow-up by the as-of day found the agreement performed
 * @param judicialApplied   resolved cases whose parties applied for judicial confirmation by the as-of day
 * @param judicialConfirmed those the court had confirmed by the as-of day
 */
public record StatisticsCounts(long accepted, long resolved, long written, long oral, BigDecimal amount,
                               long criminalCases, long criminalPersons, long groupCases, long groupPersons,
                               long performed, long judicialApplied, long judicialConfirmed) {

    public static final StatisticsCounts ZERO = new StatisticsCounts(0, 0, 0, 0, BigDecimal.ZERO.setScale(2), 0, 0, 0,
            0, 0, 0, 0);

    public StatisticsCounts {
        amount = Objects.requireNonNull(amount, "amount").setScale(2, RoundingMode.UNNECESSARY);
    }

    public StatisticsCounts plus(StatisticsCounts o) {
        return new StatisticsCounts(accepted + o.accepted, resolved + o.resolved, written + o.written, oral + o.oral,
                amount.add(o.amount), criminalCases + o.criminalCases, criminalPersons + o.criminalPersons,
                groupCases + o.groupCases, groupPersons + o.groupPersons, performed + o.performed,
                judicialApplied + o.judicialApplied, judicialConfirmed + o.judicialConfirmed);
    }
}

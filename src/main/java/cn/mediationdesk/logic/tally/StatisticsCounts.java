package cn.mediationdesk.logic.tally;

import cn.mediationdesk.model.PreventionKind;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * The figures of the official statistics table (人民调解工作统计表) for one group of leads, counted
 * like the tally of DESIGN §5: the leads of the period, each in its state at the end of the as-of
 * day. Agreements, amounts, performance and judicial confirmation are about the cases resolved by
 * then; the 防止 categories about the cases closed by then (they are recorded at closing).
 *
 * @param accepted          accepted cases (the tally's {@code accepted})
 * @param resolved          cases resolved (the tally's {@code resolved})
 * @param written           resolved with a written agreement (调解协议书)
 * @param oral              resolved with an oral agreement (口头协议)
 * @param amount            the sum of the amounts the agreements name, in yuan
 * @param prevented         per 防止 category recorded as an outcome of a closed case: its cases and persons
 *                          (every category present)
 * @param performed         resolved cases whose latest follow-up by the as-of day found the agreement performed
 * @param judicialApplied   resolved cases whose parties applied for judicial confirmation by the as-of day
 * @param judicialConfirmed those the court had confirmed by the as-of day
 */
public record StatisticsCounts(long accepted, long resolved, long written, long oral, BigDecimal amount,
                               Map<PreventionKind, Prevented> prevented, long performed, long judicialApplied,
                               long judicialConfirmed) {

    public static final StatisticsCounts ZERO = new StatisticsCounts(0, 0, 0, 0, BigDecimal.ZERO.setScale(2),
            Map.of(), 0, 0, 0);

    private static final BigDecimal TEN_THOUSAND = BigDecimal.valueOf(10_000);

    public StatisticsCounts {
        amount = Objects.requireNonNull(amount, "amount").setScale(2, RoundingMode.UNNECESSARY);
        Map<PreventionKind, Prevented> all = new EnumMap<>(PreventionKind.class);
        for (PreventionKind kind : PreventionKind.values()) {
            all.put(kind, prevented.getOrDefault(kind, Prevented.NONE));
        }
        prevented = Collections.unmodifiableMap(all);
    }

    public Prevented prevented(PreventionKind kind) {
        return prevented.get(kind);
    }

    /** The agreements' amount in 万元, to two decimals (half up), as the official table gives money. */
    public BigDecimal amountInTenThousandYuan() {
        return inTenThousandYuan(amount);
    }

    /** {@code yuan} in 万元, to two decimals, halves rounded up. */
    public static BigDecimal inTenThousandYuan(BigDecimal yuan) {
        return yuan.divide(TEN_THOUSAND, 2, RoundingMode.HALF_UP);
    }

    public StatisticsCounts plus(StatisticsCounts o) {
        Map<PreventionKind, Prevented> sum = new EnumMap<>(PreventionKind.class);
        for (PreventionKind kind : PreventionKind.values()) {
            sum.put(kind, prevented(kind).plus(o.prevented(kind)));
        }
        return new StatisticsCounts(accepted + o.accepted, resolved + o.resolved, written + o.written, oral + o.oral,
                amount.add(o.amount), sum, performed + o.performed, judicialApplied + o.judicialApplied,
                judicialConfirmed + o.judicialConfirmed);
    }
}

package cn.mediationdesk.logic.lifecycle;

import cn.mediationdesk.logic.store.Tx;
import cn.mediationdesk.model.CaseNumber;
import cn.mediationdesk.model.Committee;

import java.time.LocalDate;

/**
 * Issues case numbers: gap-free per committee and year of acceptance. Must be called inside the
 * transaction that accepts the lead, so that a rolled-back acceptance gives its number back.
 */
public final class CaseNumbers {
    private CaseNumbers() {
    }

    /**
     * {@code count} consecutive numbers of a committee and year, reserved with one raise of its
     * counter: for an import, whose numbering must be short (the counter stays locked until the commit).
     */
    public static java.util.List<CaseNumber> issue(Tx tx, Committee committee, int year, int count,
                                                   CaseNumberFormat format) {
        int first = tx.leads().reserveCaseNumbers(committee.id(), year, count);
        return java.util.stream.IntStream.range(first, first + count)
                .mapToObj(sequence -> new CaseNumber(year, sequence, format.format(year, committee.shortName(), sequence)))
                .toList();
    }

    public static CaseNumber issue(Tx tx, Committee committee, LocalDate acceptedOn, CaseNumberFormat format) {
        int year = acceptedOn.getYear();
        int sequence = tx.leads().nextCaseNumber(committee.id(), year);
        return new CaseNumber(year, sequence, format.format(year, committee.shortName(), sequence));
    }
}

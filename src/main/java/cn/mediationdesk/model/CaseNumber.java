package cn.mediationdesk.model;

/**
 * 案号, e.g. {@code (2022)金宝人调字第012号}: the {@code sequence}-th case a committee accepted in
 * {@code year}. {@code text} is the formatted number as issued; it is never re-formatted later.
 */
public record CaseNumber(int year, int sequence, String text) {
    @Override
    public String toString() {
        return text;
    }
}

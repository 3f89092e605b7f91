package cn.mediationdesk.gui.ledger;

/**
 * One entry of a filter's drop-down: the value it stands for ({@code null} for "any") and its label
 * in the reader's language.
 */
public record FilterOption<T>(T value, String label) {
    @Override
    public String toString() {
        return label;
    }
}

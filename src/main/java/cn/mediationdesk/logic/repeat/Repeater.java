package cn.mediationdesk.logic.repeat;

/**
 * A person or an address that comes back in several leads of a period.
 *
 * @param idNumber a person known by ID number (then {@code name} is one of the names written with it)
 * @param name     a person without an ID number, known by name at {@code address}
 * @param address  the address of an {@link Kind#ADDRESS}, or the person's
 * @param leads    in how many leads of the period
 */
public record Repeater(Kind kind, String idNumber, String name, String address, int leads) {
    public enum Kind { PERSON, ADDRESS }
}

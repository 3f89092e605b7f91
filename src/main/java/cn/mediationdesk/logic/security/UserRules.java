package cn.mediationdesk.logic.security;

import cn.mediationdesk.model.Problem;
import cn.mediationdesk.model.Problem.Field;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The rules for a user's details, checked before anything is hashed or written. Usernames are
 * compared without regard to case (people type "Admin" as often as "admin"), so they are kept in
 * lower case.
 */
public final class UserRules {
    public static final int USERNAME_MIN_LENGTH = 3;
    public static final int USERNAME_MAX_LENGTH = 32;
    public static final int DISPLAY_NAME_MAX_LENGTH = 50;
    public static final int PASSWORD_MIN_LENGTH = 8;
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9_.-]{3,32}");

    private UserRules() {
    }

    /** The username as stored and looked up: without surrounding blanks, in lower case. */
    public static String normalizeUsername(String username) {
        return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    }

    public static List<Problem> usernameProblems(String username) {
        String normalized = normalizeUsername(username);
        if (normalized.isEmpty()) {
            return List.of(Problem.of(Field.USERNAME, "user.username.required"));
        }
        if (!USERNAME.matcher(normalized).matches()) {
            return List.of(Problem.of(Field.USERNAME, "user.username.invalid", USERNAME_MIN_LENGTH,
                    USERNAME_MAX_LENGTH));
        }
        return List.of();
    }

    public static List<Problem> displayNameProblems(String displayName) {
        String name = displayName == null ? "" : displayName.strip();
        if (name.isEmpty()) {
            return List.of(Problem.of(Field.DISPLAY_NAME, "user.displayName.required"));
        }
        int length = name.codePointCount(0, name.length());
        if (length > DISPLAY_NAME_MAX_LENGTH) {
            return List.of(Problem.of(Field.DISPLAY_NAME, "user.displayName.tooLong", DISPLAY_NAME_MAX_LENGTH, length));
        }
        return List.of();
    }

    /** At least 8 characters, not digits alone (a birthday or phone number is guessed first), at most 72 bytes. */
    public static List<Problem> passwordProblems(String password) {
        if (password == null || password.isEmpty()) {
            return List.of(Problem.of(Field.PASSWORD, "user.password.required"));
        }
        if (password.codePointCount(0, password.length()) < PASSWORD_MIN_LENGTH) {
            return List.of(Problem.of(Field.PASSWORD, "user.password.tooShort", PASSWORD_MIN_LENGTH));
        }
        if (password.chars().allMatch(Character::isDigit)) {
            return List.of(Problem.of(Field.PASSWORD, "user.password.allDigits"));
        }
        if (PasswordHasher.utf8Length(password) > PasswordHasher.MAX_PASSWORD_BYTES) {
            return List.of(Problem.of(Field.PASSWORD, "user.password.tooLong", PasswordHasher.MAX_PASSWORD_BYTES));
        }
        return List.of();
    }

    /** Every problem of a new user's username, display name and password, in that order. */
    public static List<Problem> newUserProblems(String username, String displayName, String password) {
        List<Problem> problems = new ArrayList<>();
        problems.addAll(usernameProblems(username));
        problems.addAll(displayNameProblems(displayName));
        problems.addAll(passwordProblems(password));
        return problems;
    }
}

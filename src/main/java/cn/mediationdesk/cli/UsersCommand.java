package cn.mediationdesk.cli;

import cn.mediationdesk.logic.PermissionDeniedException;
import cn.mediationdesk.logic.ValidationException;
import cn.mediationdesk.logic.l10n.Localization;
import cn.mediationdesk.logic.security.Access;
import cn.mediationdesk.logic.security.UserRules;
import cn.mediationdesk.logic.security.UserService;
import cn.mediationdesk.model.Committee;
import cn.mediationdesk.model.Problem;
import cn.mediationdesk.model.Problem.Field;
import cn.mediationdesk.model.Role;
import cn.mediationdesk.model.User;
import cn.mediationdesk.persistence.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/**
 * {@code users add | list | passwd | disable | enable | unlock}: the accounts of DESIGN §9. Passwords
 * come from the console or standard input, never from an argument; every subcommand but a user's
 * own {@code passwd} is an administrator's.
 */
@Command(name = "users", sortOptions = false,
        subcommands = {UsersCommand.Add.class, UsersCommand.ListUsers.class, UsersCommand.Passwd.class,
                UsersCommand.Disable.class, UsersCommand.Enable.class, UsersCommand.Unlock.class})
final class UsersCommand implements Callable<Integer> {
    @ParentCommand
    private MediationDeskCommand root;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        throw new CliUsageException(spec.commandLine(), root.context().l10n().text("cli.users.subcommandNeeded"));
    }

    MediationDeskCommand root() {
        return root;
    }

    private static UserService users(MediationDeskCommand root, Database database) {
        return new UserService(database, root.context().clock());
    }

    /**
     * A new password: typed twice at a console (a typing mistake would lock its owner out), or one
     * line of standard input.
     */
    private static String newPassword(CliContext context, String username) {
        Localization l10n = context.l10n();
        String password = context.passwords().read(l10n.text("cli.users.newPasswordPrompt", username));
        if (password == null || password.isEmpty()) {
            throw new ValidationException(Problem.of(Field.PASSWORD, "user.password.required"));
        }
        if (context.passwords().interactive()) {
            String again = context.passwords().read(l10n.text("cli.users.repeatPasswordPrompt"));
            if (!password.equals(again)) {
                throw new ValidationException(Problem.of(Field.PASSWORD, "cli.users.passwordsDiffer"));
            }
        }
        return password;
    }

    @Command(name = "add", sortOptions = false)
    static final class Add implements Callable<Integer> {
        @ParentCommand
        private UsersCommand users;

        @Parameters(index = "0", paramLabel = "USERNAME", descriptionKey = "username")
        private String username;

        @Option(names = "--role", required = true, paramLabel = "admin|director|mediator|viewer")
        private Role role;

        @Option(names = "--committee", paramLabel = "NAME_OR_CODE")
        private String committee;

        @Option(names = "--name", paramLabel = "NAME")
        private String displayName;

        @Override
        public Integer call() {
            MediationDeskCommand root = users.root();
            CliContext context = root.context();
            try (Database database = root.open(false)) {
                UserService service = users(root, database);
                User actor = service.hasUsers() ? root.requireActor(database) : null;
                Long committeeId = committee == null ? null : ReportOptions.committee(database, committee).id();
                String name = displayName == null || displayName.isBlank() ? UserRules.normalizeUsername(username)
                        : displayName;
                User added;
                if (actor == null) {
                    // The first account of a database made by init or demo: its administrator.
                    if (role != Role.ADMIN) {
                        throw new ValidationException(Problem.of(Field.ROLE, "cli.users.firstMustBeAdmin"));
                    }
                    added = service.createFirstAdmin(username, name, newPassword(context, username));
                } else {
                    added = service.addUser(actor, username, name, newPassword(context, username), role, committeeId);
                }
                context.out().println(context.l10n().text(actor == null ? "cli.users.addedFirst" : "cli.users.added",
                        added.username(), context.l10n().text(Access.roleKey(added.role()))));
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "list", sortOptions = false)
    static final class ListUsers implements Callable<Integer> {
        private static final DateTimeFormatter UNTIL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

        @ParentCommand
        private UsersCommand users;

        @Override
        public Integer call() {
            MediationDeskCommand root = users.root();
            CliContext context = root.context();
            Localization l10n = context.l10n();
            try (Database database = root.open(false)) {
                UserService service = users(root, database);
                User actor = root.requireActor(database);
                List<User> all = service.users(actor);
                Map<Long, String> committees = service.activeCommittees().stream()
                        .collect(Collectors.toMap(Committee::id, Committee::name));
                if (all.isEmpty()) {
                    context.out().println(l10n.text("cli.users.none"));
                }
                for (User user : all) {
                    context.out().println(String.join("\t", user.username(), user.displayName(),
                            l10n.text(Access.roleKey(user.role())),
                            user.committeeId() == null ? "-" : committees.getOrDefault(user.committeeId(), "-"),
                            status(l10n, user, context)));
                }
            }
            return ExitCodes.OK;
        }

        private static String status(Localization l10n, User user, CliContext context) {
            if (!user.active()) {
                return l10n.text("cli.users.status.disabled");
            }
            if (user.isLockedAt(context.clock().instant())) {
                return l10n.text("cli.users.status.locked",
                        LocalDateTime.ofInstant(user.lockedUntil(), context.clock().getZone()).format(UNTIL));
            }
            return user.mustChangePassword() ? l10n.text("cli.users.status.mustChange")
                    : l10n.text("cli.users.status.active");
        }
    }

    /** The user's own password (after proving the current one), or an administrator's reset of another's. */
    @Command(name = "passwd", sortOptions = false)
    static final class Passwd implements Callable<Integer> {
        @ParentCommand
        private UsersCommand users;

        @Parameters(index = "0", paramLabel = "USERNAME", descriptionKey = "username")
        private String username;

        @Override
        public Integer call() {
            MediationDeskCommand root = users.root();
            CliContext context = root.context();
            try (Database database = root.open(false)) {
                UserService service = users(root, database);
                User actor = root.actor(database);
                if (actor == null) {
                    throw new PermissionDeniedException(Problem.of(Field.USER, "cli.user.required"));
                }
                if (actor.isSetup()) {
                    throw new PermissionDeniedException(Problem.of(Field.USER, "cli.user.noAccounts"));
                }
                String target = UserRules.normalizeUsername(username);
                if (target.equals(actor.username())) {
                    service.changePassword(actor, root.actingPassword(), newPassword(context, target));
                    context.out().println(context.l10n().text("cli.users.passwordChanged", target));
                } else {
                    User admin = root.requireActor(database);
                    User user = service.user(admin, target);
                    service.resetPassword(admin, user.id(), newPassword(context, target));
                    context.out().println(context.l10n().text("cli.users.passwordReset", target));
                }
            }
            return ExitCodes.OK;
        }
    }

    /** Disable, enable and unlock: an administrator's change of one account. */
    private abstract static class AccountChange implements Callable<Integer> {
        @ParentCommand
        private UsersCommand users;

        @Parameters(index = "0", paramLabel = "USERNAME", descriptionKey = "username")
        private String username;

        abstract User change(UserService service, User admin, long userId);

        abstract String doneKey();

        @Override
        public Integer call() {
            MediationDeskCommand root = users.root();
            CliContext context = root.context();
            try (Database database = root.open(false)) {
                UserService service = users(root, database);
                User admin = root.requireActor(database);
                User changed = change(service, admin, service.user(admin, username).id());
                context.out().println(context.l10n().text(doneKey(), changed.username()));
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "disable", sortOptions = false)
    static final class Disable extends AccountChange {
        @Override
        User change(UserService service, User admin, long userId) {
            return service.disable(admin, userId);
        }

        @Override
        String doneKey() {
            return "cli.users.disabled";
        }
    }

    @Command(name = "enable", sortOptions = false)
    static final class Enable extends AccountChange {
        @Override
        User change(UserService service, User admin, long userId) {
            return service.enable(admin, userId);
        }

        @Override
        String doneKey() {
            return "cli.users.enabled";
        }
    }

    @Command(name = "unlock", sortOptions = false)
    static final class Unlock extends AccountChange {
        @Override
        User change(UserService service, User admin, long userId) {
            return service.unlock(admin, userId);
        }

        @Override
        String doneKey() {
            return "cli.users.unlocked";
        }
    }
}

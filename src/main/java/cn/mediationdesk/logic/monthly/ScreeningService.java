package cn.mediationdesk.logic.monthly;

import cn.mediationdesk.logic.ValidationException;
import cn.mediationdesk.logic.security.Access;
import cn.mediationdesk.logic.store.Store;
import cn.mediationdesk.logic.store.Tx;
import cn.mediationdesk.model.Committee;
import cn.mediationdesk.model.Grid;
import cn.mediationdesk.model.Problem;
import cn.mediationdesk.model.Problem.Field;
import cn.mediationdesk.model.Screening;
import cn.mediationdesk.model.User;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The screening register (排查登记): a committee's rounds, recorded, changed and removed by its director
 * and mediators (an administrator for any committee); a viewer neither reads nor writes them. Each
 * call is one transaction; a change names the version it was read at.
 */
public final class ScreeningService {
    public static final int PLACE_MAX = 200;
    public static final int SCREENED_BY_MAX = 200;
    public static final int NOTE_MAX = 1000;
    /** More leads than any one round plausibly finds: a typing slip. */
    public static final int LEADS_FOUND_MAX = 999;

    private final Store store;
    private final Clock clock;

    public ScreeningService(Store store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** The committee's rounds screened from {@code from} to {@code to} (inclusive, either open), by day. */
    public List<Screening> list(User actor, long committeeId, LocalDate from, LocalDate to) {
        return store.read(tx -> {
            Access.requireCase(tx, actor, committeeId);
            return tx.monthly().screenings(committeeId, from, to);
        });
    }

    /** @throws ValidationException naming every field that breaks a rule; nothing is written */
    public Screening record(User actor, long committeeId, ScreeningInput input) {
        return store.write(tx -> {
            User current = Access.requireCase(tx, actor, committeeId);
            Committee committee = committee(tx, committeeId);
            Screening screening = new Screening(UUID.randomUUID(), committee.id(), input.screenedOn(),
                    place(tx, committee, input), input.gridId(), input.screenedBy().strip(), input.leadsFound(),
                    note(input), current.username(), clock.instant(), 0);
            tx.monthly().insertScreening(screening);
            return screening;
        });
    }

    /**
     * @param version the version the round was read at
     * @throws ValidationException when a field breaks a rule, or the round was changed or removed meanwhile
     */
    public Screening change(User actor, UUID id, int version, ScreeningInput input) {
        return store.write(tx -> {
            Screening stored = stored(tx, id);
            User current = Access.requireCase(tx, actor, stored.committeeId());
            Committee committee = committee(tx, stored.committeeId());
            Screening changed = new Screening(id, committee.id(), input.screenedOn(), place(tx, committee, input),
                    input.gridId(), input.screenedBy().strip(), input.leadsFound(), note(input), current.username(),
                    clock.instant(), version + 1);
            if (!tx.monthly().updateScreening(changed, version)) {
                throw stale();
            }
            return changed;
        });
    }

    /** @throws ValidationException when the round was changed or removed meanwhile */
    public void remove(User actor, UUID id, int version) {
        store.write(tx -> {
            Screening stored = stored(tx, id);
            Access.requireCase(tx, actor, stored.committeeId());
            if (!tx.monthly().deleteScreening(id, version)) {
                throw stale();
            }
            return null;
        });
    }

    /** The active grids a round of {@code committeeId} may name: its community's, or all for a committee of none. */
    public List<Grid> grids(User actor, long committeeId) {
        return store.read(tx -> {
            Access.requireCase(tx, actor, committeeId);
            Committee committee = committee(tx, committeeId);
            return tx.organization().grids().stream().filter(Grid::active)
                    .filter(g -> committee.communityId() == null || g.communityId() == committee.communityId())
                    .toList();
        });
    }

    private static Screening stored(Tx tx, UUID id) {
        return tx.monthly().screening(id).orElseThrow(ScreeningService::stale);
    }

    private static ValidationException stale() {
        return new ValidationException(Problem.of(Field.VERSION, "monthly.screening.stale"));
    }

    private static Committee committee(Tx tx, long committeeId) {
        return tx.organization().committees().stream().filter(c -> c.id() == committeeId).findFirst()
                .orElseThrow(() -> new ValidationException(Problem.of(Field.COMMITTEE, "monthly.committee.unknown",
                        committeeId)));
    }

    /** Checks every rule at once and gives the place to store (the grid's name when none was written). */
    private String place(Tx tx, Committee committee, ScreeningInput input) {
        List<Problem> problems = new ArrayList<>();
        LocalDate today = LocalDate.now(clock);
        if (input.screenedOn() == null) {
            problems.add(Problem.of(Field.SCREENED_ON, "monthly.screening.dateMissing"));
        } else if (input.screenedOn().isAfter(today)) {
            problems.add(Problem.of(Field.SCREENED_ON, "monthly.screening.dateFuture"));
        }
        Optional<Grid> grid = Optional.empty();
        if (input.gridId() != null) {
            grid = tx.organization().grids().stream().filter(g -> g.id() == input.gridId()).findFirst();
            if (grid.isEmpty() || !grid.get().active()) {
                problems.add(Problem.of(Field.GRID, "monthly.screening.gridUnknown"));
            } else if (committee.communityId() != null && grid.get().communityId() != committee.communityId()) {
                problems.add(Problem.of(Field.GRID, "monthly.screening.gridOtherCommunity"));
            }
        }
        String place = Objects.requireNonNullElse(input.place(), "").strip();
        if (place.isEmpty() && grid.isPresent()) {
            place = grid.get().name();
        }
        if (place.isEmpty()) {
            problems.add(Problem.of(Field.SCREENING_PLACE, "monthly.screening.placeMissing"));
        } else if (place.length() > PLACE_MAX) {
            problems.add(Problem.of(Field.SCREENING_PLACE, "monthly.tooLong", PLACE_MAX));
        }
        String screenedBy = Objects.requireNonNullElse(input.screenedBy(), "").strip();
        if (screenedBy.isEmpty()) {
            problems.add(Problem.of(Field.SCREENED_BY, "monthly.screening.whoMissing"));
        } else if (screenedBy.length() > SCREENED_BY_MAX) {
            problems.add(Problem.of(Field.SCREENED_BY, "monthly.tooLong", SCREENED_BY_MAX));
        }
        if (input.leadsFound() < 0 || input.leadsFound() > LEADS_FOUND_MAX) {
            problems.add(Problem.of(Field.LEADS_FOUND, "monthly.screening.leadsFoundRange", LEADS_FOUND_MAX));
        }
        if (input.note() != null && input.note().strip().length() > NOTE_MAX) {
            problems.add(Problem.of(Field.SCREENING_NOTE, "monthly.tooLong", NOTE_MAX));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        return place;
    }

    private static String note(ScreeningInput input) {
        String note = input.note() == null ? "" : input.note().strip();
        return note.isEmpty() ? null : note;
    }
}

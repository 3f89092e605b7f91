package cn.mediationdesk.logic.report.casefile;

import cn.mediationdesk.logic.ValidationException;
import cn.mediationdesk.logic.audit.AuditAction;
import cn.mediationdesk.logic.audit.AuditTrail;
import cn.mediationdesk.logic.audit.LeadSnapshot;
import cn.mediationdesk.logic.lifecycle.LeadFile;
import cn.mediationdesk.logic.search.LeadFilter;
import cn.mediationdesk.logic.search.LeadSort;
import cn.mediationdesk.logic.security.Access;
import cn.mediationdesk.logic.store.Store;
import cn.mediationdesk.logic.store.Tx;
import cn.mediationdesk.logic.tally.TallyColumn;
import cn.mediationdesk.model.CaseFileInfo;
import cn.mediationdesk.model.Lead;
import cn.mediationdesk.model.LeadState;
import cn.mediationdesk.model.Outcome;
import cn.mediationdesk.model.Problem;
import cn.mediationdesk.model.Problem.Field;
import cn.mediationdesk.model.User;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The 卷宗 of a case beside its printing: what the 立卷人 writes on it (卷名, 立卷人, 立卷日期, 保管期限,
 * 结案报告, 卷宗情况说明, 备考表), what it still lacks, and which closed files of a period are incomplete.
 * Only someone who may read a case's committee's cases reads or writes its file; every change is on
 * the audit trail.
 */
public final class CaseFileService {
    /** The longest texts the database keeps. */
    static final int TITLE_MAX = 200;
    static final int NAME_MAX = 50;
    static final int CLOSING_REPORT_MAX = 4000;
    static final int NOTE_MAX = 2000;
    /** The list reads the search's pages this long. */
    private static final int PAGE = 500;

    private final Store store;
    private final Clock clock;
    private final User actor;
    private final AuditTrail audit;

    public CaseFileService(Store store, Clock clock, User actor) {
        this.store = store;
        this.clock = clock;
        this.actor = Objects.requireNonNull(actor, "actor");
        this.audit = AuditTrail.onThisPc(clock);
    }

    /** What the 立卷人 wrote on the lead's file ({@link CaseFileInfo#empty} when nothing). */
    public CaseFileInfo info(UUID leadId) {
        return store.read(tx -> {
            existing(tx, leadId);
            return tx.caseFiles().caseFileInfo(leadId).orElse(CaseFileInfo.empty(leadId));
        });
    }

    /**
     * Saves what the 立卷人 wrote on the lead's file, in place of what was there; blank texts are
     * kept as not written.
     *
     * @throws ValidationException naming each field that is too long, and a 立卷日期 in the future, before
     *                             the case closed, or on a case not closed; nothing is written then
     */
    public CaseFileInfo save(UUID leadId, CaseFileInfo input) {
        return store.write(tx -> {
            Lead lead = existing(tx, leadId);
            CaseFileInfo info = new CaseFileInfo(leadId, strip(input.title()), strip(input.filedBy()),
                    input.filedOn(), input.retention(), strip(input.closingReport()), strip(input.fileNote()),
                    strip(input.remarks()), strip(input.checkedBy()));
            List<Problem> problems = new ArrayList<>();
            tooLong(problems, info.title(), TITLE_MAX, "casefile.title.tooLong");
            tooLong(problems, info.filedBy(), NAME_MAX, "casefile.filedBy.tooLong");
            tooLong(problems, info.checkedBy(), NAME_MAX, "casefile.checkedBy.tooLong");
            tooLong(problems, info.closingReport(), CLOSING_REPORT_MAX, "casefile.closingReport.tooLong");
            tooLong(problems, info.fileNote(), NOTE_MAX, "casefile.fileNote.tooLong");
            tooLong(problems, info.remarks(), NOTE_MAX, "casefile.remarks.tooLong");
            LocalDate filedOn = info.filedOn();
            if (filedOn != null) {
                if (filedOn.isAfter(LocalDate.now(clock))) {
                    problems.add(Problem.of(Field.DATE, "casefile.filedOn.future"));
                } else if (lead.closedOn() == null || lead.outcome() == null) {
                    problems.add(Problem.of(Field.DATE, "casefile.filedOn.notClosed"));
                } else if (filedOn.isBefore(lead.closedOn())) {
                    problems.add(Problem.of(Field.DATE, "casefile.filedOn.beforeClose", lead.closedOn()));
                }
            }
            if (!problems.isEmpty()) {
                throw new ValidationException(problems);
            }
            LeadSnapshot before = audit.snapshotLead(tx, leadId);
            tx.caseFiles().saveCaseFileInfo(info);
            audit.leadChanged(tx, actor.username(), AuditAction.LEAD_CASE_FILE, before, leadId);
            return tx.caseFiles().caseFileInfo(leadId).orElse(info);
        });
    }

    /** What the lead's file still lacks, in the order of its 卷内目录. */
    public List<CaseFileGap> gaps(UUID leadId) {
        return store.read(tx -> CaseFileCheck.gaps(LeadFile.read(tx, existing(tx, leadId))));
    }

    /** A closed case whose file lacks something. */
    public record IncompleteFile(UUID leadId, String caseNumber, String partyNames, LocalDate closedOn,
                                 Outcome outcome, List<CaseFileGap> gaps) {
        public IncompleteFile {
            gaps = List.copyOf(gaps);
        }
    }

    /**
     * The cases closed from {@code from} to {@code to} (inclusive) whose files lack something, in the
     * order they closed; of the actor's own committee unless they are an administrator.
     *
     * @param committeeId one committee only, or {@code null} for every committee the actor may read
     * @throws cn.mediationdesk.logic.PermissionDeniedException for a viewer, or a committee not the actor's
     */
    public List<IncompleteFile> incomplete(LocalDate from, LocalDate to, Long committeeId) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new ValidationException(Problem.of(Field.DATE, "casefile.period.reversed"));
        }
        return store.read(tx -> {
            Long committee = Access.scopedCommittee(tx, actor, committeeId);
            // Accepted leads judged at the end of the period: those closed by then, found whenever.
            LeadFilter filter = LeadFilter.all(to).withCommittee(committee).withColumn(TallyColumn.ACCEPTED);
            List<IncompleteFile> found = new ArrayList<>();
            tx.search().forEach(filter, LeadSort.DEFAULT, PAGE, row -> {
                if (row.state() == LeadState.MEDIATING) {
                    return;
                }
                Lead lead = tx.leads().find(row.id()).orElse(null);
                if (lead == null || lead.closedOn() == null || lead.closedOn().isBefore(from)
                        || lead.closedOn().isAfter(to)) {
                    return;
                }
                List<CaseFileGap> gaps = CaseFileCheck.gaps(LeadFile.read(tx, lead));
                if (!gaps.isEmpty()) {
                    found.add(new IncompleteFile(lead.id(), row.caseNumber(), row.partyNames(), lead.closedOn(),
                            lead.outcome(), gaps));
                }
            });
            found.sort(java.util.Comparator.comparing(IncompleteFile::closedOn)
                    .thenComparing(f -> f.caseNumber() == null ? "" : f.caseNumber()));
            return found;
        });
    }

    private Lead existing(Tx tx, UUID leadId) {
        Lead lead = tx.leads().find(leadId)
                .orElseThrow(() -> new ValidationException(Problem.of(Field.LEAD, "rule.lead.unknown")));
        Access.requireCase(tx, actor, lead.committeeId());
        return lead;
    }

    private static void tooLong(List<Problem> problems, String text, int max, String key) {
        if (text != null && text.length() > max) {
            problems.add(Problem.of(Field.CASE_FILE, key, max));
        }
    }

    private static String strip(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}

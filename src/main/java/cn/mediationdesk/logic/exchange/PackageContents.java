package cn.mediationdesk.logic.exchange;

import cn.mediationdesk.logic.ValidationException;
import cn.mediationdesk.model.Problem;
import cn.mediationdesk.model.Problem.Field;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What a package's entries hold, as JSON: the committee's organization, its leads with everything
 * they carry, and the audit history of those leads. Records refer to each other by what a person
 * would recognise on both sides (a community's code, a person's name within a committee, a grid's
 * name within its community), never by a database's numeric ids, which differ from PC to PC.
 * Dates are ISO text ({@code 2022-03-05}), moments ISO instants, money plain decimal text.
 */
public record PackageContents(Organization organization, List<LeadEntry> leads, List<AuditRow> audit,
                              List<ContentRow> contents, List<ScreeningRow> screenings,
                              List<MonthlyReportRow> monthlyReports) {
    public static final String ORGANIZATION = "organization.json";
    /** The committee's screening rounds and signed monthly reports; absent from packages of older versions. */
    public static final String MONTHLY = "committee-monthly.json";
    public static final String LEADS = "leads.json";
    public static final String AUDIT = "history.json";
    /** The attachments' bytes, in entries {@code attachments-1.json}, {@code attachments-2.json} … */
    static final String CONTENTS_PREFIX = "attachments-";
    private static final String CONTENTS_SUFFIX = ".json";
    /**
     * Raw bytes per contents entry: base64 makes them a third larger, and an entry may hold at most
     * {@link PackageReader.Limits#maxEntryBytes()}.
     */
    static final long CONTENT_BYTES_PER_ENTRY = 96L * 1024 * 1024;

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    public PackageContents {
        leads = List.copyOf(leads);
        audit = List.copyOf(audit);
        contents = contents == null ? List.of() : List.copyOf(contents);
        screenings = screenings == null ? List.of() : List.copyOf(screenings);
        monthlyReports = monthlyReports == null ? List.of() : List.copyOf(monthlyReports);
    }

    /** Contents without screenings or monthly reports, as packages held before the register existed. */
    public PackageContents(Organization organization, List<LeadEntry> leads, List<AuditRow> audit,
                           List<ContentRow> contents) {
        this(organization, leads, audit, contents, List.of(), List.of());
    }

    /** These contents with the committee's screening rounds and signed monthly reports. */
    public PackageContents withMonthly(List<ScreeningRow> rounds, List<MonthlyReportRow> reports) {
        return new PackageContents(organization, leads, audit, contents, rounds, reports);
    }

    // ---- the screening register and the monthly reports ----

    /**
     * A screening round; its grid, when it names one, by community code and name ({@code null} when the
     * grid is not among the package's grids: the place still names it).
     */
    public record ScreeningRow(UUID id, String screenedOn, String place, GridKey grid, String screenedBy,
                               int leadsFound, String note, String recordedBy, String recordedAt, int version) {
    }

    /** A signed monthly report: {@code month} as {@code YYYY-MM}, the figures as signed. */
    public record MonthlyReportRow(String month, boolean zeroReport, String figures, String note, String signedBy,
                                   String signerName, String signedOn, String signedAt) {
    }

    /** The entry {@link #MONTHLY} holds. */
    public record MonthlyEntry(List<ScreeningRow> screenings, List<MonthlyReportRow> reports) {
    }

    // ---- the organization ----

    /** The committee, every community, grid and person its leads or its own community refer to. */
    public record Organization(CommitteeRow committee, List<CommunityRow> communities, List<GridRow> grids,
                               List<PersonRow> people) {
    }

    public record CommitteeRow(String code, String name, String shortName, String kind, String communityCode,
                               boolean active) {
    }

    public record CommunityRow(String code, String name, boolean active) {
    }

    public record GridRow(String communityCode, String name, PersonKey gridWorker, boolean active) {
        GridKey key() {
            return new GridKey(communityCode, name);
        }
    }

    public record PersonRow(String name, String role, String committeeCode, String phone, boolean active) {
        PersonKey key() {
            return new PersonKey(name, committeeCode);
        }
    }

    /** A person as both sides know them: the name within a committee (or among those of none). */
    public record PersonKey(String name, String committeeCode) {
    }

    /** A grid as both sides know it: its name within its community. */
    public record GridKey(String communityCode, String name) {
    }

    // ---- leads ----

    /**
     * One lead: its content ({@link LeadRow}, what the merge compares) and the sender's bookkeeping.
     *
     * @param changedAt when the sender last changed the lead or any of its parts (its row or its audit trail)
     */
    public record LeadEntry(LeadRow lead, int version, String createdAt, String updatedAt, String changedAt) {
    }

    public record LeadRow(UUID id, String leadNo, String communityCode, GridKey grid, String foundOn, String source,
                          String disputeType, String summary, Integer peopleCount, String amount, String risk,
                          boolean criminalRisk, boolean groupRisk, String verifiedOn, String verificationResult,
                          UUID duplicateOfId, String transferredTo, String acceptedOn, Integer caseYear,
                          Integer caseSeq, String caseNumber, String dueOn, String closedOn, String outcome,
                          String declinedOn, String declinedBy,
                          List<PartyRow> parties, List<StepRow> verificationSteps, List<MediatorRow> mediators,
                          List<SessionRow> sessions, AgreementRow agreement, List<ExtensionRow> extensions,
                          List<FollowUpRow> followUps, ConfirmationRow judicialConfirmation,
                          List<TransitionRow> transitions, List<AgentRow> agents, CaseRecordRow caseRecord,
                          List<ReferralRow> referrals, CaseFileRow caseFile, List<String> preventions,
                          List<AttachmentRow> attachments, List<RiskAssessmentRow> riskAssessments,
                          RecurrenceRow recurrence, List<SessionPlanRow> sessionPlans) {
        /**
         * A package made before the case file's parts existed has none of them: read as "none". One
         * made before risk history was kept has the lead's level as its only assessment, as migration
         * 13 gave every lead.
         */
        public LeadRow {
            agents = agents == null ? List.of() : agents;
            referrals = referrals == null ? List.of() : referrals;
            preventions = preventions == null ? List.of() : preventions;
            attachments = attachments == null ? List.of() : attachments;
            riskAssessments = riskAssessments == null
                    ? List.of(new RiskAssessmentRow(id, foundOn, risk, criminalRisk, groupRisk, null, null, null))
                    : riskAssessments;
            sessionPlans = sessionPlans == null ? List.of() : sessionPlans;
        }
    }

    /** {@code recordedAt} is {@code null} only in a package of an older version (the lead's own creation is used). */
    public record RiskAssessmentRow(UUID id, String assessedOn, String risk, boolean criminalRisk, boolean groupRisk,
                                    String assessedBy, String reason, String recordedAt) {
    }

    public record RecurrenceRow(UUID earlierLeadId, String markedOn, boolean reopened, String note) {
    }

    public record SessionPlanRow(UUID id, String plannedOn, String startsAt, String place, String note,
                                 String plannedBy) {
    }

    /**
     * Full personal data: a package is never masked (it is signed, and encrypted with {@code --for}).
     * A package made before parties had a kind holds only people.
     */
    public record PartyRow(UUID id, int position, String name, String gender, String idNumber, String phone,
                           String address, String role, String kind, String ethnicity, String birthDate, Integer age,
                           String occupation, String employer, String creditCode, String legalRepresentative,
                           String representativeTitle) {
        public PartyRow {
            kind = kind == null ? "PERSON" : kind;
        }
    }

    /** A 委托代理人, tied to the party (of the same lead) they act for. */
    public record AgentRow(UUID id, UUID partyId, String name, String kind, String authority, String authorityScope,
                           String idNumber, String phone, String relation) {
    }

    public record CaseRecordRow(String appliedOn, String applicationRequests, String consentOn, String consentWay,
                                String rightsNoticeOn, String policeReportedOn, String policeReportedTo,
                                String routesNoticeOn, List<String> routesNotified) {
        public CaseRecordRow {
            routesNotified = routesNotified == null ? List.of() : routesNotified;
        }
    }

    public record ReferralRow(UUID id, String kind, String toBody, String sentOn, String receivedOn, String feedback,
                              String feedbackOn) {
    }

    public record CaseFileRow(String title, String filedBy, String filedOn, String retention, String closingReport,
                              String fileNote, String remarks, String checkedBy) {
    }

    /** An attachment without its bytes, which travel once per SHA-256 in {@link ContentRow}s. */
    public record AttachmentRow(UUID id, String kind, String note, String fileName, String mediaType, long size,
                                String sha256, String addedAt, String addedBy) {
    }

    /** The bytes of one or more attachments, base64, to be checked against {@code sha256} on arrival. */
    public record ContentRow(String sha256, String mediaType, String base64) {
    }

    public record StepRow(UUID id, String stepOn, String method, String note, PersonKey person) {
    }

    public record MediatorRow(PersonKey person, boolean principal) {
    }

    public record SessionRow(UUID id, String heldOn, String place, String participants, String notes, String matter,
                             String recorder, boolean noticeGiven, boolean confirmedByParties) {
    }

    public record AgreementRow(String form, String terms, String amount, String performanceDeadline, String facts,
                               String issues, String responsibility, String performanceWay, String performancePlace) {
    }

    public record ExtensionRow(UUID id, String agreedOn, String newDueOn, String reason) {
    }

    public record FollowUpRow(UUID id, String visitedOn, String performance, String satisfaction,
                              boolean escalationSigns, String notes, String visitedParty, String way, String reason) {
    }

    /**
     * The court's handling. Packages made before results had names carry only {@code confirmed}
     * (true: confirmed, false: refused); {@code confirmed} is kept, derived from {@code result}, so
     * both read the same.
     */
    public record ConfirmationRow(String appliedOn, String court, String decidedOn, Boolean confirmed,
                                  String courtCaseNumber, String result) {
        public ConfirmationRow {
            if (result == null && confirmed != null) {
                result = confirmed ? "CONFIRMED" : "REFUSED";
            }
            confirmed = result == null ? null : result.equals("CONFIRMED");
        }
    }

    public record TransitionRow(UUID id, String kind, String effectiveOn, String detail, String recordedAt,
                                String recordedBy) {
    }

    // ---- audit history ----

    /**
     * One audit entry about a packaged lead, as the office that recorded it recorded it (its
     * installation and chain; {@code changes} is the canonical JSON the entry's hash covers).
     */
    public record AuditRow(UUID originInstallationId, UUID originChainId, long originSeq, String recordedAt,
                           String actor, String action, String entity, String entityId, UUID leadId,
                           String changes, String stateDigest, String hash) {
    }

    // ---- as entries ----

    /** The entries to hand to the package writer. */
    /**
     * The entries to hand to the package writer.
     *
     * @throws ValidationException when they would exceed what a package may hold
     *                             ({@link PackageReader.Limits#maxTotalBytes()}): the receiver would refuse it
     */
    public Map<String, byte[]> toEntries() {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put(ORGANIZATION, write(organization));
        entries.put(LEADS, write(leads));
        entries.put(AUDIT, write(audit));
        if (!screenings.isEmpty() || !monthlyReports.isEmpty()) {
            entries.put(MONTHLY, write(new MonthlyEntry(screenings, monthlyReports)));
        }
        int fixedEntries = entries.size();
        List<ContentRow> chunk = new ArrayList<>();
        long chunkBytes = 0;
        for (ContentRow content : contents) {
            long bytes = content.base64().length() * 3L / 4;
            if (!chunk.isEmpty() && chunkBytes + bytes > CONTENT_BYTES_PER_ENTRY) {
                entries.put(CONTENTS_PREFIX + (entries.size() - fixedEntries + 1) + CONTENTS_SUFFIX, write(chunk));
                chunk = new ArrayList<>();
                chunkBytes = 0;
            }
            chunk.add(content);
            chunkBytes += bytes;
        }
        if (!chunk.isEmpty()) {
            entries.put(CONTENTS_PREFIX + (entries.size() - fixedEntries + 1) + CONTENTS_SUFFIX, write(chunk));
        }
        long total = entries.values().stream().mapToLong(b -> b.length).sum();
        PackageReader.Limits limits = PackageReader.Limits.DEFAULT;
        if (total > limits.maxTotalBytes() || entries.size() > limits.maxEntries()
                || entries.values().stream().anyMatch(b -> b.length > limits.maxEntryBytes())) {
            throw new ValidationException(Problem.of(Field.FILE, "exchange.tooLarge", total / (1024 * 1024),
                    limits.maxTotalBytes() / (1024 * 1024)));
        }
        return entries;
    }

    /**
     * Reads the entries of an opened (verified) package.
     *
     * @throws PackageRejectedException NOT_A_PACKAGE when an entry is missing or not in this format
     */
    public static PackageContents fromEntries(Map<String, byte[]> entries, String file) {
        try {
            Organization organization = JSON.readValue(required(entries, ORGANIZATION, file), Organization.class);
            List<LeadEntry> leads = List.of(JSON.readValue(required(entries, LEADS, file), LeadEntry[].class));
            List<AuditRow> audit = List.of(JSON.readValue(required(entries, AUDIT, file), AuditRow[].class));
            if (organization == null || organization.committee() == null) {
                throw new PackageRejectedException(PackageRejectedException.Reason.NOT_A_PACKAGE, file,
                        ORGANIZATION + ": no committee");
            }
            List<ContentRow> contents = new ArrayList<>();
            for (var entry : new java.util.TreeMap<>(entries).entrySet()) {
                if (entry.getKey().startsWith(CONTENTS_PREFIX) && entry.getKey().endsWith(CONTENTS_SUFFIX)) {
                    contents.addAll(List.of(JSON.readValue(entry.getValue(), ContentRow[].class)));
                }
            }
            MonthlyEntry monthly = entries.containsKey(MONTHLY)
                    ? JSON.readValue(entries.get(MONTHLY), MonthlyEntry.class) : null;
            return new PackageContents(organization, leads, audit, contents,
                    monthly == null ? List.of() : monthly.screenings(), monthly == null ? List.of() : monthly.reports());
        } catch (IOException e) {
            throw new PackageRejectedException(PackageRejectedException.Reason.NOT_A_PACKAGE, file,
                    e.getMessage(), e);
        }
    }

    private static byte[] required(Map<String, byte[]> entries, String name, String file) {
        byte[] bytes = entries.get(name);
        if (bytes == null) {
            throw new PackageRejectedException(PackageRejectedException.Reason.NOT_A_PACKAGE, file,
                    "no entry " + name);
        }
        return bytes;
    }

    /** How many of each kind the package holds, for its manifest. */
    public Map<String, Integer> counts() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("leads", leads.size());
        counts.put("parties", leads.stream().mapToInt(l -> l.lead().parties().size()).sum());
        counts.put("sessions", leads.stream().mapToInt(l -> l.lead().sessions().size()).sum());
        counts.put("attachments", leads.stream().mapToInt(l -> l.lead().attachments().size()).sum());
        counts.put("auditEntries", audit.size());
        counts.put("people", organization.people().size());
        return counts;
    }

    /** SHA-256 of a lead's content in its canonical JSON: equal on both sides exactly when the content is. */
    static String digest(LeadRow lead) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(write(lead)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java", e);
        }
    }

    static String json(Object value) {
        return new String(write(value), StandardCharsets.UTF_8);
    }

    static LeadRow leadRow(String json) {
        try {
            return JSON.readValue(json, LeadRow.class);
        } catch (IOException e) {
            throw new IllegalStateException("a stored lead is not in the package format", e);
        }
    }

    private static byte[] write(Object value) {
        try {
            return JSON.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("package contents cannot be written as JSON", e);
        }
    }
}

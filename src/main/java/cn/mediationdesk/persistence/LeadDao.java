package cn.mediationdesk.persistence;

import cn.mediationdesk.logic.store.LeadRepository;
import cn.mediationdesk.model.Agreement;
import cn.mediationdesk.model.CaseNumber;
import cn.mediationdesk.model.Extension;
import cn.mediationdesk.model.FollowUp;
import cn.mediationdesk.model.JudicialConfirmation;
import cn.mediationdesk.model.Lead;
import cn.mediationdesk.model.MediationSession;
import cn.mediationdesk.model.Party;
import cn.mediationdesk.model.Transition;
import cn.mediationdesk.model.VerificationStep;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Leads and their parts, over Jdbi. Runs inside the transaction of the {@link JdbiTx} that made it. */
@RegisterRowMapper(LeadMapper.class)
interface LeadDao extends LeadRepository, org.jdbi.v3.sqlobject.SqlObject {

    @Override
    default void insert(Lead lead, Instant now) {
        CaseNumber number = lead.caseNumber();
        insertRow(lead, number == null ? null : number.year(), number == null ? null : number.sequence(),
                number == null ? null : number.text(), lead.risk().name(), at(now));
        LeadChanges.changed(getHandle(), lead.id());
    }

    @Override
    default void insertAll(NewLeads rows, Instant now) {
        java.sql.Connection connection = getHandle().getConnection();
        // Tally facts from the parts in hand, written with the row: no TallyFacts.refresh UPDATE after it.
        LeadBatches.leads(connection, rows.leads(), now,
                LeadBatches.tallyFacts(rows.leads(), List.of(), rows.riskAssessments()));
        LeadBatches.parties(connection, rows.parties());
        LeadBatches.agreements(connection, rows.agreements());
        LeadBatches.transitions(connection, rows.transitions());
        LeadBatches.riskAssessments(connection, rows.riskAssessments());
        // The leads of this batch are written whole: what is kept in step with the lead table learns of them here.
        LeadTextIndex.newLeads(getHandle(), LeadBatches.searchedFields(rows.leads(), rows.parties()), numberedLater(rows));
        KeptCounts.recount(getHandle(), rows.leads().stream().map(Lead::id).toList());
    }

    /**
     * The accepted leads written without their case number: a ledger import gives the numbers last, in
     * this same transaction ({@link #assignCaseNumbers}), so their text is indexed once it holds the number.
     */
    private static java.util.Set<UUID> numberedLater(NewLeads rows) {
        return rows.leads().stream().filter(l -> l.acceptedOn() != null && l.caseNumber() == null).map(Lead::id)
                .collect(java.util.stream.Collectors.toSet());
    }

    @SqlUpdate("""
            INSERT INTO lead (id, committee_id, community_id, grid_id, lead_no, found_on, source_code,
                dispute_type_code, summary, people_count, amount, risk_code, criminal_risk, group_risk,
                verified_on, verification_result, duplicate_of_id, transferred_to, accepted_on, case_year,
                case_seq, case_number, due_on, closed_on, outcome, declined_on, declined_by, version, created_at,
                updated_at)
            VALUES (:l.id, :l.committeeId, :l.communityId, :l.gridId, :l.leadNo, :l.foundOn, :l.sourceCode,
                :l.disputeTypeCode, :l.summary, :l.peopleCount, :l.amount, :risk, :l.criminalRisk, :l.groupRisk,
                :l.verifiedOn, :l.verificationResult, :l.duplicateOfId, :l.transferredTo, :l.acceptedOn, :caseYear,
                :caseSeq, :caseText, :l.dueOn, :l.closedOn, :l.outcome, :l.declinedOn, :l.declinedBy, 0, :now, :now)""")
    void insertRow(@BindMethods("l") Lead lead, @Bind("caseYear") Integer caseYear, @Bind("caseSeq") Integer caseSeq,
                   @Bind("caseText") String caseText, @Bind("risk") String risk, @Bind("now") OffsetDateTime now);

    @Override
    default boolean update(Lead lead, Instant now) {
        CaseNumber number = lead.caseNumber();
        boolean updated = updateRow(lead, number == null ? null : number.year(), number == null ? null : number.sequence(),
                number == null ? null : number.text(), lead.risk().name(), at(now)) == 1;
        LeadChanges.changed(getHandle(), lead.id());
        return updated;
    }

    @SqlUpdate("""
            UPDATE lead SET committee_id = :l.committeeId, community_id = :l.communityId, grid_id = :l.gridId,
                lead_no = :l.leadNo, found_on = :l.foundOn, source_code = :l.sourceCode,
                dispute_type_code = :l.disputeTypeCode, summary = :l.summary, people_count = :l.peopleCount,
                amount = :l.amount, risk_code = :risk, criminal_risk = :l.criminalRisk, group_risk = :l.groupRisk,
                verified_on = :l.verifiedOn, verification_result = :l.verificationResult,
                duplicate_of_id = :l.duplicateOfId, transferred_to = :l.transferredTo,
                accepted_on = :l.acceptedOn, case_year = :caseYear, case_seq = :caseSeq, case_number = :caseText,
                due_on = :l.dueOn, closed_on = :l.closedOn, outcome = :l.outcome,
                declined_on = :l.declinedOn, declined_by = :l.declinedBy,
                version = version + 1, updated_at = :now
            WHERE id = :l.id AND version = :l.version""")
    int updateRow(@BindMethods("l") Lead lead, @Bind("caseYear") Integer caseYear, @Bind("caseSeq") Integer caseSeq,
                  @Bind("caseText") String caseText, @Bind("risk") String risk, @Bind("now") OffsetDateTime now);

    @Override
    @SqlQuery("SELECT " + LeadMapper.COLUMNS + " FROM lead WHERE id = :id")
    Optional<Lead> find(@Bind("id") UUID id);

    @Override
    default List<Lead> findAll(Collection<UUID> ids) {
        return ByLead.none(ids) ? List.of() : findRows(ids);
    }

    @SqlQuery("SELECT " + LeadMapper.COLUMNS + " FROM lead WHERE id IN (<ids>)")
    List<Lead> findRows(@BindList("ids") Collection<UUID> ids);

    @Override
    @SqlQuery("SELECT " + LeadMapper.COLUMNS + " FROM lead WHERE committee_id = :committeeId AND lead_no = :leadNo")
    Optional<Lead> findByLeadNo(@Bind("committeeId") long committeeId, @Bind("leadNo") String leadNo);

    @Override
    default java.util.Map<String, Lead> findByLeadNos(long committeeId, java.util.Collection<String> leadNos) {
        List<String> numbers = List.copyOf(new java.util.LinkedHashSet<>(leadNos));
        java.util.Map<String, Lead> found = new java.util.HashMap<>();
        // an IN list of this size stays well inside both databases' limits
        for (int from = 0; from < numbers.size(); from += 500) {
            findByLeadNoIn(committeeId, numbers.subList(from, Math.min(numbers.size(), from + 500)))
                    .forEach(lead -> found.put(lead.leadNo(), lead));
        }
        return found;
    }

    @SqlQuery("SELECT " + LeadMapper.COLUMNS + " FROM lead WHERE committee_id = :committeeId AND lead_no IN (<leadNos>)")
    List<Lead> findByLeadNoIn(@Bind("committeeId") long committeeId, @BindList("leadNos") List<String> leadNos);

    @Override
    @SqlQuery("SELECT " + LeadMapper.COLUMNS + " FROM lead WHERE case_number = :number OR lead_no = :number"
            + " ORDER BY found_on, id")
    List<Lead> findByNumber(@Bind("number") String number);

    @Override
    @SqlQuery("SELECT COUNT(*) FROM lead")
    long count();

    @Override
    default int nextCaseNumber(long committeeId, int year) {
        return reserveCaseNumbers(committeeId, year, 1);
    }

    @Override
    default int reserveCaseNumbers(long committeeId, int year, int count) {
        // Locking the committee row first serializes its acceptances, so two first acceptances of a
        // year cannot both insert the counter; the UPDATE then holds the counter row till commit.
        lockCaseNumbers(committeeId);
        if (raiseCounter(committeeId, year, count) == 0) {
            insertCounter(committeeId, year, count);
            return 1;
        }
        return counter(committeeId, year) - count + 1;
    }

    @Override
    default void lockCaseNumbers(long committeeId) {
        // PostgreSQL: FOR UPDATE would also wait for every transaction that merely inserted a lead of the
        // committee (a foreign key takes FOR KEY SHARE on the committee row), i.e. for a whole import
        // running on another PC. FOR NO KEY UPDATE excludes other number issuers and nothing else.
        if (isPostgres(getHandle())) {
            lockCommitteeNoKey(committeeId);
        } else {
            lockCommittee(committeeId);
        }
    }

    private static boolean isPostgres(org.jdbi.v3.core.Handle handle) {
        try {
            return handle.getConnection().getMetaData().getDatabaseProductName().equals("PostgreSQL");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @SqlQuery("SELECT id FROM committee WHERE id = :c FOR UPDATE")
    long lockCommittee(@Bind("c") long committeeId);

    @SqlQuery("SELECT id FROM committee WHERE id = :c FOR NO KEY UPDATE")
    long lockCommitteeNoKey(@Bind("c") long committeeId);

    @Override
    default boolean assignCaseNumbers(java.util.Map<UUID, CaseNumber> numbers) {
        if (numbers.isEmpty()) {
            return true;
        }
        List<UUID> ids = List.copyOf(numbers.keySet());
        List<Integer> years = ids.stream().map(id -> numbers.get(id).year()).toList();
        List<Integer> sequences = ids.stream().map(id -> numbers.get(id).sequence()).toList();
        List<String> texts = ids.stream().map(id -> numbers.get(id).text()).toList();
        boolean all = java.util.Arrays.stream(assignCaseNumberRows(ids, years, sequences, texts)).allMatch(n -> n == 1);
        acceptedTransitionTexts(ids, texts);
        LeadChanges.changed(getHandle(), ids);
        return all;
    }

    @SqlBatch("""
            UPDATE lead SET case_year = :year, case_seq = :seq, case_number = :text
            WHERE id = :id AND case_number IS NULL""")
    int[] assignCaseNumberRows(@Bind("id") List<UUID> ids, @Bind("year") List<Integer> years,
                               @Bind("seq") List<Integer> sequences, @Bind("text") List<String> texts);

    @SqlBatch("UPDATE lead_transition SET detail = :text WHERE lead_id = :id AND kind = 'ACCEPTED' AND detail IS NULL")
    void acceptedTransitionTexts(@Bind("id") List<UUID> ids, @Bind("text") List<String> texts);

    @SqlUpdate("UPDATE case_number_counter SET last_number = last_number + :n WHERE committee_id = :c AND case_year = :y")
    int raiseCounter(@Bind("c") long committeeId, @Bind("y") int year, @Bind("n") int count);

    @SqlUpdate("INSERT INTO case_number_counter (committee_id, case_year, last_number) VALUES (:c, :y, :n)")
    void insertCounter(@Bind("c") long committeeId, @Bind("y") int year, @Bind("n") int count);

    @SqlQuery("SELECT last_number FROM case_number_counter WHERE committee_id = :c AND case_year = :y")
    int counter(@Bind("c") long committeeId, @Bind("y") int year);

    @Override
    default Map<UUID, List<Party>> partiesByLead(Collection<UUID> leadIds) {
        return ByLead.none(leadIds) ? Map.of() : ByLead.lists(partyRows(leadIds), Party::leadId);
    }

    @SqlQuery("SELECT id, lead_id, name, gender, id_number, phone, address, role, position, kind, ethnicity, birth_date, age, occupation, employer, credit_code, legal_representative, representative_title FROM party WHERE lead_id IN (<leadIds>) ORDER BY lead_id, position")
    @RegisterConstructorMapper(Party.class)
    List<Party> partyRows(@BindList("leadIds") Collection<UUID> leadIds);

    @Override
    default void replaceParties(UUID leadId, List<Party> parties) {
        deleteParties(leadId);
        if (!parties.isEmpty()) {
            insertParties(parties);
        }
        LeadChanges.changed(getHandle(), leadId);
    }

    @SqlUpdate("DELETE FROM party WHERE lead_id = :leadId")
    void deleteParties(@Bind("leadId") UUID leadId);

    @SqlBatch("""
            INSERT INTO party (id, lead_id, position, name, gender, id_number, phone, address, role, kind, ethnicity,
                               birth_date, age, occupation, employer, credit_code, legal_representative,
                               representative_title)
            VALUES (:id, :leadId, :position, :name, :gender, :idNumber, :phone, :address, :role, :kind, :ethnicity,
                    :birthDate, :age, :occupation, :employer, :creditCode, :legalRepresentative,
                    :representativeTitle)""")
    void insertParties(@BindMethods List<Party> parties);

    @Override
    default Map<UUID, List<VerificationStep>> verificationStepsByLead(Collection<UUID> leadIds) {
        return ByLead.none(leadIds) ? Map.of() : ByLead.lists(verificationStepRows(leadIds), VerificationStep::leadId);
    }

    @SqlQuery("SELECT id, lead_id, step_on, method, note, person_id FROM verification_step WHERE lead_id IN (<leadIds>) ORDER BY lead_id, step_on, id")
    @RegisterConstructorMapper(VerificationStep.class)
    List<VerificationStep> verificationStepRows(@BindList("leadIds") Collection<UUID> leadIds);

    @Override
    @SqlUpdate("""
            INSERT INTO verification_step (id, lead_id, step_on, method, note, person_id)
            VALUES (:id, :leadId, :stepOn, :method, :note, :personId)""")
    void insertVerificationStep(@BindMethods VerificationStep step);

    @Override
    default Map<UUID, List<Long>> mediatorsByLead(Collection<UUID> leadIds) {
        Map<UUID, List<Long>> byLead = new java.util.LinkedHashMap<>();
        if (!ByLead.none(leadIds)) {
            ByLead.lists(mediatorRows(leadIds), MediatorRow::leadId).forEach((lead, rows) ->
                    byLead.put(lead, rows.stream().map(MediatorRow::personId).toList()));
        }
        return byLead;
    }

    /** A row of {@code lead_mediator}. */
    record MediatorRow(UUID leadId, long personId) {
    }

    @SqlQuery("SELECT lead_id, person_id FROM lead_mediator WHERE lead_id IN (<leadIds>) ORDER BY lead_id, principal DESC, person_id")
    @RegisterConstructorMapper(MediatorRow.class)
    List<MediatorRow> mediatorRows(@BindList("leadIds") Collection<UUID> leadIds);

    @Override
    default void replaceMediators(UUID leadId, List<Long> personIds) {
        deleteMediators(leadId);
        for (int i = 0; i < personIds.size(); i++) {
            insertMediator(leadId, personIds.get(i), i == 0);
        }
    }

    @SqlUpdate("DELETE FROM lead_mediator WHERE lead_id = :leadId")
    void deleteMediators(@Bind("leadId") UUID leadId);

    @SqlUpdate("INSERT INTO lead_mediator (lead_id, person_id, principal) VALUES (:leadId, :personId, :principal)")
    void insertMediator(@Bind("leadId") UUID leadId, @Bind("personId") long personId, @Bind("principal") boolean principal);

    @Override
    default Map<UUID, List<MediationSession>> sessionsByLead(Collection<UUID> leadIds) {
        return ByLead.none(leadIds) ? Map.of() : ByLead.lists(sessionRows(leadIds), MediationSession::leadId);
    }

    @SqlQuery("SELECT id, lead_id, held_on, place, participants, notes, matter, recorder, notice_given, confirmed_by_parties FROM mediation_session WHERE lead_id IN (<leadIds>) ORDER BY lead_id, held_on, id")
    @RegisterConstructorMapper(MediationSession.class)
    List<MediationSession> sessionRows(@BindList("leadIds") Collection<UUID> leadIds);

    @Override
    @SqlUpdate("""
            INSERT INTO mediation_session (id, lead_id, held_on, place, participants, notes, matter, recorder,
                                           notice_given, confirmed_by_parties)
            VALUES (:id, :leadId, :heldOn, :place, :participants, :notes, :matter, :recorder, :noticeGiven,
                    :confirmedByParties)""")
    void insertSession(@BindMethods MediationSession session);

    @Override
    default Map<UUID, Agreement> agreementsByLead(Collection<UUID> leadIds) {
        return ByLead.none(leadIds) ? Map.of() : ByLead.ones(agreementRows(leadIds), Agreement::leadId);
    }

    @SqlQuery("SELECT lead_id, form, terms, amount, performance_deadline, facts, issues, responsibility, performance_way, performance_place FROM agreement WHERE lead_id IN (<leadIds>)")
    @RegisterConstructorMapper(Agreement.class)
    List<Agreement> agreementRows(@BindList("leadIds") Collection<UUID> leadIds);

    @Override
    default void saveAgreement(Agreement agreement) {
        deleteAgreement(agreement.leadId());
        insertAgreement(agreement);
    }

    @SqlUpdate("""
            INSERT INTO agreement (lead_id, form, terms, amount, performance_deadline, facts, issues, responsibility,
                                   performance_way, performance_place)
            VALUES (:leadId, :form, :terms, :amount, :performanceDeadline, :facts, :issues, :responsibility,
                    :performanceWay, :performancePlace)""")
    void insertAgreement(@BindMethods Agreement agreement);

    @Override
    @SqlUpdate("DELETE FROM agreement WHERE lead_id = :leadId")
    void deleteAgreement(@Bind("leadId") UUID leadId);

    @Override
    default Map<UUID, List<Extension>> extensionsByLead(Collection<UUID> leadIds) {
        return ByLead.none(leadIds) ? Map.of() : ByLead.lists(extensionRows(leadIds), Extension::leadId);
    }

    @SqlQuery("SELECT id, lead_id, agreed_on, new_due_on, reason FROM extension WHERE lead_id IN (<leadIds>) ORDER BY lead_id, agreed_on, id")
    @RegisterConstructorMapper(Extension.class)
    List<Extension> extensionRows(@BindList("leadIds") Collection<UUID> leadIds);

    @Override
    default void insertExtension(Extension extension) {
        insertExtensionRow(extension);
        TallyFacts.refresh(getHandle(), extension.leadId());
    }

    @SqlUpdate("""
            INSERT INTO extension (id, lead_id, agreed_on, new_due_on, reason)
            VALUES (:id, :leadId, :agreedOn, :newDueOn, :reason)""")
    void insertExtensionRow(@BindMethods Extension extension);

    @Override
    default Map<UUID, List<FollowUp>> followUpsByLead(Collection<UUID> leadIds) {
        return ByLead.none(leadIds) ? Map.of() : ByLead.lists(followUpRows(leadIds), FollowUp::leadId);
    }

    @SqlQuery("SELECT id, lead_id, visited_on, performance, satisfaction, escalation_signs, notes, visited_party, way, reason FROM follow_up WHERE lead_id IN (<leadIds>) ORDER BY lead_id, visited_on, id")
    @RegisterConstructorMapper(FollowUp.class)
    List<FollowUp> followUpRows(@BindList("leadIds") Collection<UUID> leadIds);

    @Override
    @SqlUpdate("""
            INSERT INTO follow_up (id, lead_id, visited_on, performance, satisfaction, escalation_signs, notes,
                                   visited_party, way, reason)
            VALUES (:id, :leadId, :visitedOn, :performance, :satisfaction, :escalationSigns, :notes,
                    :visitedParty, :way, :reason)""")
    void insertFollowUp(@BindMethods FollowUp followUp);

    @Override
    default Map<UUID, JudicialConfirmation> judicialConfirmationsByLead(Collection<UUID> leadIds) {
        return ByLead.none(leadIds) ? Map.of()
                : ByLead.ones(judicialConfirmationRows(leadIds), JudicialConfirmation::leadId);
    }

    @SqlQuery("SELECT lead_id, applied_on, court, court_case_no AS court_case_number, result, decided_on FROM judicial_confirmation WHERE lead_id IN (<leadIds>)")
    @RegisterConstructorMapper(JudicialConfirmation.class)
    List<JudicialConfirmation> judicialConfirmationRows(@BindList("leadIds") Collection<UUID> leadIds);

    @Override
    default void saveJudicialConfirmation(JudicialConfirmation confirmation) {
        deleteJudicialConfirmation(confirmation.leadId());
        insertJudicialConfirmation(confirmation);
    }

    @SqlUpdate("DELETE FROM judicial_confirmation WHERE lead_id = :leadId")
    void deleteJudicialConfirmation(@Bind("leadId") UUID leadId);

    @SqlUpdate("""
            INSERT INTO judicial_confirmation (lead_id, applied_on, court, court_case_no, result, decided_on)
            VALUES (:leadId, :appliedOn, :court, :courtCaseNumber, :result, :decidedOn)""")
    void insertJudicialConfirmation(@BindMethods JudicialConfirmation confirmation);

    @Override
    default void insertTransition(Transition transition) {
        insertTransitionRow(transition, at(transition.recordedAt()));
    }

    @SqlUpdate("""
            INSERT INTO lead_transition (id, lead_id, kind, effective_on, detail, recorded_at, recorded_by)
            VALUES (:t.id, :t.leadId, :t.kind, :t.effectiveOn, :t.detail, :recordedAt, :t.recordedBy)""")
    void insertTransitionRow(@BindMethods("t") Transition transition, @Bind("recordedAt") OffsetDateTime recordedAt);

    @Override
    default Map<UUID, List<Transition>> transitionsByLead(Collection<UUID> leadIds) {
        return ByLead.none(leadIds) ? Map.of() : ByLead.lists(transitionRows(leadIds), Transition::leadId);
    }

    // Transitions recorded together on the same day (verified and accepted at once) come in the lifecycle's
    // order (TransitionKind's), then by id: the same on every database and for one lead or many.
    @SqlQuery("""
            SELECT id, lead_id, kind, effective_on, detail, recorded_at, recorded_by FROM lead_transition
            WHERE lead_id IN (<leadIds>)
            ORDER BY lead_id, recorded_at, effective_on, CASE kind WHEN 'FOUND' THEN 0 WHEN 'VERIFIED' THEN 1
                WHEN 'ACCEPTED' THEN 2 WHEN 'DECLINED' THEN 3 WHEN 'EXTENDED' THEN 4 WHEN 'CLOSED' THEN 5 ELSE 6 END, id""")
    @RegisterConstructorMapper(Transition.class)
    List<Transition> transitionRows(@BindList("leadIds") Collection<UUID> leadIds);

    /** Timestamps are stored in UTC so that H2 and PostgreSQL agree. */
    static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}

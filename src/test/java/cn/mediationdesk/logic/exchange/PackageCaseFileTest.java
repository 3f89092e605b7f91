package cn.mediationdesk.logic.exchange;

import cn.mediationdesk.logic.ValidationException;
import cn.mediationdesk.logic.attachment.AttachedFile;
import cn.mediationdesk.logic.attachment.AttachmentService;
import cn.mediationdesk.logic.attachment.NewAttachment;
import cn.mediationdesk.logic.attachment.SampleFiles;
import cn.mediationdesk.logic.exchange.PackageService.ImportReport;
import cn.mediationdesk.logic.lifecycle.LeadFile;
import cn.mediationdesk.logic.store.Store;
import cn.mediationdesk.model.AgentAuthority;
import cn.mediationdesk.model.AgentKind;
import cn.mediationdesk.model.Agreement;
import cn.mediationdesk.model.AgreementForm;
import cn.mediationdesk.model.Attachment;
import cn.mediationdesk.model.AttachmentKind;
import cn.mediationdesk.model.CaseFileInfo;
import cn.mediationdesk.model.CaseRecord;
import cn.mediationdesk.model.Committee;
import cn.mediationdesk.model.ConsentWay;
import cn.mediationdesk.model.FollowUp;
import cn.mediationdesk.model.FollowUpWay;
import cn.mediationdesk.model.Gender;
import cn.mediationdesk.model.JudicialConfirmation;
import cn.mediationdesk.model.JudicialResult;
import cn.mediationdesk.model.Lead;
import cn.mediationdesk.model.MediationSession;
import cn.mediationdesk.model.OtherRoute;
import cn.mediationdesk.model.Party;
import cn.mediationdesk.model.PartyAgent;
import cn.mediationdesk.model.PartyKind;
import cn.mediationdesk.model.PartyRole;
import cn.mediationdesk.model.Performance;
import cn.mediationdesk.model.PreventionKind;
import cn.mediationdesk.model.Problem;
import cn.mediationdesk.model.Referral;
import cn.mediationdesk.model.ReferralKind;
import cn.mediationdesk.model.Retention;
import cn.mediationdesk.model.Satisfaction;
import cn.mediationdesk.model.User;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static cn.mediationdesk.logic.exchange.ExchangeFixture.clockOn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Every part of a case's file, attachments included, goes through a package and arrives as it left. */
class PackageCaseFileTest {
    private static final Clock JULY_1 = clockOn(LocalDate.of(2024, 7, 1));
    private static final Clock JULY_2 = clockOn(LocalDate.of(2024, 7, 2));
    private static final Clock JULY_3 = clockOn(LocalDate.of(2024, 7, 3));
    private static final Clock JULY_4 = clockOn(LocalDate.of(2024, 7, 4));
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private ExchangeFixture pcs;
    private Store committeePc;
    private Store office;
    private Committee committee;
    private Lead lead;
    private final byte[] agreementScan = SampleFiles.pdf("调解协议书");
    private final byte[] receipt = SampleFiles.png(60, 40, 3);

    @BeforeEach
    void aCaseWithEveryPart() {
        pcs = new ExchangeFixture(dir);
        committeePc = pcs.demo("committee");
        office = pcs.empty("office", "金宝新区");
        committee = committeePc.read(tx -> tx.organization().committees().get(2));
        lead = ExchangeFixture.newCase(committeePc, ExchangeFixture.DEMO_DAY, committee.id(), "某公司与村民因占地补偿发生纠纷");
        UUID id = lead.id();
        UUID person = UUID.randomUUID();
        UUID company = UUID.randomUUID();
        committeePc.write(tx -> {
            tx.leads().replaceParties(id, List.of(
                    new Party(person, id, "张某", Gender.MALE, "11010519491231002X", "13812345678", "金宝村三组",
                            PartyRole.APPLICANT, 0, PartyKind.PERSON, "汉族", LocalDate.of(1949, 12, 31), null, "农民",
                            null, null, null, null),
                    new Party(company, id, "金宝建材有限公司", null, null, "0817-1234567", "金宝工业园",
                            PartyRole.RESPONDENT, 1, PartyKind.LEGAL_PERSON, null, null, null, null, null,
                            "91511300MA62XXXX0X", "李某", "总经理")));
            tx.caseFiles().replaceAgents(id, List.of(
                    new PartyAgent(UUID.randomUUID(), id, person, "张小某", AgentKind.ENTRUSTED, AgentAuthority.SPECIAL,
                            "代为承认、放弃、变更调解请求", "110105198001010011", "13900001111", "儿子"),
                    new PartyAgent(UUID.randomUUID(), id, company, "王律师", AgentKind.ENTRUSTED, AgentAuthority.GENERAL,
                            null, null, null, "律师")));
            tx.caseFiles().saveCaseRecord(new CaseRecord(id, LocalDate.of(2024, 6, 28), "请求补偿占地损失",
                    LocalDate.of(2024, 6, 29), ConsentWay.SIGNED_REGISTRATION, LocalDate.of(2024, 6, 29),
                    LocalDate.of(2024, 6, 29), "金宝派出所", LocalDate.of(2024, 6, 30),
                    EnumSet.of(OtherRoute.ARBITRATION, OtherRoute.LITIGATION)));
            tx.caseFiles().saveReferral(new Referral(UUID.randomUUID(), id, ReferralKind.COURT_LINK, "平昌县人民法院",
                    LocalDate.of(2024, 6, 29), LocalDate.of(2024, 6, 30), "已收到", LocalDate.of(2024, 6, 30)));
            tx.caseFiles().saveCaseFileInfo(new CaseFileInfo(id, "占地补偿纠纷", "赵某", LocalDate.of(2024, 6, 30),
                    Retention.LONG, "调解成功，协议已履行", "无", "备考", "钱某"));
            tx.caseFiles().replacePreventions(id, EnumSet.of(PreventionKind.GROUP_PETITION, PreventionKind.GROUP_FIGHT));
            tx.leads().insertSession(new MediationSession(UUID.randomUUID(), id, LocalDate.of(2024, 6, 30), "调解室",
                    "张某、李某", "双方陈述", "占地补偿", "孙某", true, true));
            tx.leads().saveAgreement(new Agreement(id, AgreementForm.WRITTEN, "公司补偿张某两万元",
                    new BigDecimal("20000.00"), LocalDate.of(2024, 7, 30), "公司施工占用张某承包地", "补偿数额",
                    "公司承担补偿责任", "银行转账", "金宝村委会"));
            tx.leads().insertFollowUp(new FollowUp(UUID.randomUUID(), id, LocalDate.of(2024, 6, 30),
                    Performance.PARTLY, Satisfaction.SATISFIED, false, "已付一半", "张某", FollowUpWay.PHONE, "核实履行"));
            tx.leads().saveJudicialConfirmation(new JudicialConfirmation(id, LocalDate.of(2024, 6, 30), "平昌县人民法院",
                    "(2024)川1923民特12号", JudicialResult.WITHDRAWN, LocalDate.of(2024, 6, 30)));
            return null;
        });
        AttachmentService attachments = new AttachmentService(committeePc, ExchangeFixture.DEMO_DAY, User.setup());
        attachments.add(id, List.of(
                new NewAttachment("协议书.pdf", agreementScan, AttachmentKind.SIGNED_AGREEMENT, "双方签字"),
                new NewAttachment("收据.png", receipt, AttachmentKind.PERFORMANCE_PROOF, null)));
        // the same bytes on another case travel once
        UUID other = ExchangeFixture.newCase(committeePc, ExchangeFixture.DEMO_DAY, committee.id(), "邻里漏水").id();
        attachments.add(other, new NewAttachment("收据副本.png", receipt, AttachmentKind.EVIDENCE, null));
    }

    @AfterEach
    void close() {
        pcs.close();
    }

    @Test
    void filesReadTogetherInChunksAreTheFilesReadOneByOne() {
        committeePc.read(tx -> {
            List<Lead> leads = new java.util.ArrayList<>();
            for (Committee c : tx.organization().committees()) {
                leads.addAll(tx.search().page(cn.mediationdesk.logic.search.LeadFilter.all(LocalDate.of(2024, 7, 1))
                                .withCommittee(c.id()), cn.mediationdesk.logic.search.LeadSort.DEFAULT, 0, 1000)
                        .stream().map(row -> tx.leads().find(row.id()).orElseThrow()).toList());
            }
            assertThat(leads).hasSizeGreaterThan(20).contains(lead);
            List<LeadFile.Stored> together = LeadFile.readStored(tx, leads, 7);
            assertThat(together).hasSize(leads.size());
            for (int i = 0; i < leads.size(); i++) {
                Lead one = leads.get(i);
                LeadFile.Stored stored = together.get(i);
                assertThat(stored.file()).as("lead %s", one.id()).isEqualTo(LeadFile.read(tx, one));
                assertThat(stored.caseRecordStored()).isEqualTo(tx.caseFiles().caseRecord(one.id()).isPresent());
                assertThat(stored.caseFileInfoStored()).isEqualTo(tx.caseFiles().caseFileInfo(one.id()).isPresent());
            }
            LeadFile everyPart = together.get(leads.indexOf(lead)).file();
            assertThat(everyPart.parties()).hasSize(2);
            assertThat(everyPart.agents()).hasSize(2);
            assertThat(everyPart.referrals()).hasSize(1);
            assertThat(everyPart.sessions()).hasSize(1);
            assertThat(everyPart.followUps()).hasSize(1);
            assertThat(everyPart.attachments()).hasSize(2);
            assertThat(everyPart.preventions()).hasSize(2);
            assertThat(everyPart.agreement()).isPresent();
            assertThat(everyPart.judicialConfirmation()).isPresent();
            assertThat(together.get(leads.indexOf(lead)).caseRecordStored()).isTrue();
            assertThat(together.get(leads.indexOf(lead)).caseFileInfoStored()).isTrue();
            return null;
        });
    }

    private Path export(Clock clock, String name) {
        Path file = pcs.file(name);
        ExchangeFixture.packages(committeePc, clock).export(committee.code(), null, null, file);
        return file;
    }

    private ImportReport receive(Path file, Clock clock) {
        return ExchangeFixture.packages(office, clock).importPackage(file, false);
    }

    /**
     * Everything under the lead that does not name a database's own numbers (mediators are people's ids);
     * transitions recorded in the same instant in either order.
     */
    private static List<Object> parts(Store store, UUID id) {
        return store.read(tx -> {
            LeadFile f = LeadFile.read(tx, tx.leads().find(id).orElseThrow());
            return List.of(f.lead().caseNumber(), f.parties(), f.agents(), f.caseRecord(), f.referrals(),
                    f.caseFileInfo(), f.preventions(), f.attachments(), f.sessions(), f.agreement(), f.followUps(),
                    f.judicialConfirmation(), f.extensions(), f.transitions().stream()
                            .sorted(java.util.Comparator.comparing(t -> t.id())).toList());
        });
    }

    private static List<byte[]> bytes(Store store, UUID id) {
        return new AttachmentService(store, JULY_4, User.setup()).filesOf(id).stream().map(AttachedFile::content).toList();
    }

    @Test
    void aCaseWithEveryPartArrivesEqualWithItsAttachmentsByteForByte() {
        ImportReport report = receive(export(JULY_1, "all.mdpkg"), JULY_2);

        assertThat(report.added()).isPositive();
        assertThat(parts(office, lead.id())).isEqualTo(parts(committeePc, lead.id()));
        assertThat(bytes(office, lead.id())).containsExactly(agreementScan, receipt);
        Map<String, byte[]> entries = PackageReader.read(pcs.file("all.mdpkg"), null).entries();
        assertThat(entries).containsKey("attachments-1.json");
        PackageContents contents = PackageContents.fromEntries(entries, "all.mdpkg");
        assertThat(contents.contents()).as("the receipt's bytes once for its two attachments").hasSize(2);

        ImportReport again = receive(pcs.file("all.mdpkg"), JULY_3);
        assertThat(again.added() + again.updated() + again.skipped()).as("importing again changes nothing").isZero();
        assertThat(parts(office, lead.id())).isEqualTo(parts(committeePc, lead.id()));
    }

    @Test
    void aNewerVersionReplacesTheCasesPartsAtTheReceiver() {
        receive(export(JULY_1, "first.mdpkg"), JULY_2);
        AttachmentService attachments = new AttachmentService(committeePc, JULY_3, User.setup());
        Attachment receiptAttachment = attachments.list(lead.id()).stream()
                .filter(a -> a.fileName().equals("收据.png")).findFirst().orElseThrow();
        attachments.remove(receiptAttachment.id());
        byte[] photo = SampleFiles.jpeg(30, 30, 9);
        attachments.add(lead.id(), new NewAttachment("现场.jpg", photo, AttachmentKind.EVIDENCE, "围墙"));
        committeePc.write(tx -> {
            tx.caseFiles().replaceAgents(lead.id(), List.of());
            tx.caseFiles().replacePreventions(lead.id(), EnumSet.of(PreventionKind.SUICIDE));
            return null;
        });

        ImportReport report = receive(export(JULY_3, "second.mdpkg"), JULY_4);

        assertThat(report.updated()).isEqualTo(1);
        assertThat(parts(office, lead.id())).isEqualTo(parts(committeePc, lead.id()));
        assertThat(bytes(office, lead.id())).containsExactly(agreementScan, photo);
        List<PartyAgent> agents = office.read(tx -> tx.caseFiles().agents(lead.id()));
        assertThat(agents).isEmpty();
    }

    @Test
    void aPackageMadeBeforeTheCaseFilesPartsStillImports() throws Exception {
        Path file = export(JULY_1, "new.mdpkg");
        OpenedPackage opened = PackageReader.read(file, null);
        Map<String, byte[]> entries = new LinkedHashMap<>(opened.entries());
        entries.keySet().removeIf(name -> name.startsWith("attachments-"));
        ArrayNode leads = (ArrayNode) JSON.readTree(entries.get(PackageContents.LEADS));
        for (JsonNode entry : leads) {
            ObjectNode row = (ObjectNode) entry.get("lead");
            row.remove(List.of("agents", "caseRecord", "referrals", "caseFile", "preventions", "attachments"));
            row.get("parties").forEach(p -> ((ObjectNode) p).remove(List.of("kind", "ethnicity", "birthDate", "age",
                    "occupation", "employer", "creditCode", "legalRepresentative", "representativeTitle")));
            row.get("sessions").forEach(s -> ((ObjectNode) s).remove(List.of("matter", "recorder", "noticeGiven",
                    "confirmedByParties")));
            row.get("followUps").forEach(f -> ((ObjectNode) f).remove(List.of("visitedParty", "way", "reason")));
            if (row.get("agreement").isObject()) {
                ((ObjectNode) row.get("agreement")).remove(List.of("facts", "issues", "responsibility", "performanceWay",
                        "performancePlace"));
            }
            if (row.get("judicialConfirmation").isObject()) {
                ObjectNode confirmation = (ObjectNode) row.get("judicialConfirmation");
                confirmation.remove(List.of("courtCaseNumber", "result"));
                confirmation.put("confirmed", true);
            }
        }
        entries.put(PackageContents.LEADS, JSON.writeValueAsBytes(leads));
        InstallationKeys sender = committeePc.read(tx -> tx.exchange().installation().map(i -> InstallationKeys.fromStored(
                new InstallationKeys.StoredKeys(i.installationId(), i.signingPrivate(), i.signingPublic(),
                        i.agreementPrivate(), i.agreementPublic())))).orElseThrow();
        Path old = pcs.file("old.mdpkg");
        PackageWriter.write(old, opened.manifest(), entries, sender, Optional.empty(), 1);
        assertThat(new String(PackageReader.read(old, null).entries().get(PackageContents.LEADS), StandardCharsets.UTF_8))
                .doesNotContain("\"result\"", "\"agents\"", "\"ethnicity\"");

        ImportReport report = receive(old, JULY_2);

        assertThat(report.added()).isPositive();
        LeadFile arrived = office.read(tx -> LeadFile.read(tx, tx.leads().find(lead.id()).orElseThrow()));
        assertThat(arrived.judicialConfirmation()).get().extracting(JudicialConfirmation::result)
                .isEqualTo(JudicialResult.CONFIRMED);
        assertThat(arrived.parties()).extracting(Party::kind).containsOnly(PartyKind.PERSON);
        assertThat(arrived.parties()).extracting(Party::name).containsExactly("张某", "金宝建材有限公司");
        assertThat(arrived.agents()).isEmpty();
        assertThat(arrived.attachments()).isEmpty();
        assertThat(arrived.caseRecord()).isEqualTo(CaseRecord.empty(lead.id()));
    }

    @Test
    void anOldConfirmationReadsAsConfirmedOrRefusedAndANewOneKeepsItsResult() {
        assertThat(new PackageContents.ConfirmationRow("2024-06-01", "法院", null, false, null, null).result())
                .isEqualTo("REFUSED");
        assertThat(new PackageContents.ConfirmationRow("2024-06-01", "法院", null, true, null, null).result())
                .isEqualTo("CONFIRMED");
        PackageContents.ConfirmationRow withdrawn = new PackageContents.ConfirmationRow("2024-06-01", "法院", null, null,
                "(2024)调确字1号", "WITHDRAWN");
        assertThat(withdrawn.confirmed()).isFalse();
        assertThat(new PackageContents.ConfirmationRow("2024-06-01", "法院", null, null, null, null).confirmed()).isNull();
    }

    @Test
    void bytesThatDoNotMatchTheirSha256AreRefusedAndNothingIsImported() throws Exception {
        Path file = export(JULY_1, "new.mdpkg");
        OpenedPackage opened = PackageReader.read(file, null);
        Map<String, byte[]> entries = new LinkedHashMap<>(opened.entries());
        ArrayNode contents = (ArrayNode) JSON.readTree(entries.get("attachments-1.json"));
        ((ObjectNode) contents.get(0)).put("base64", java.util.Base64.getEncoder().encodeToString(SampleFiles.png(5, 5, 1)));
        entries.put("attachments-1.json", JSON.writeValueAsBytes(contents));
        InstallationKeys sender = committeePc.read(tx -> tx.exchange().installation().map(i -> InstallationKeys.fromStored(
                new InstallationKeys.StoredKeys(i.installationId(), i.signingPrivate(), i.signingPublic(),
                        i.agreementPrivate(), i.agreementPublic())))).orElseThrow();
        Path forged = pcs.file("forged.mdpkg");
        PackageWriter.write(forged, opened.manifest(), entries, sender, Optional.empty());

        PackageRejectedException refused = catchThrowableOfType(PackageRejectedException.class, () -> receive(forged, JULY_2));

        assertThat(refused.reason()).isEqualTo(PackageRejectedException.Reason.NOT_A_PACKAGE);
        Optional<Lead> arrived = office.read(tx -> tx.leads().find(lead.id()));
        assertThat(arrived).isEmpty();
    }

    @Test
    void aPackageAboveWhatAPackageMayHoldIsNotWritten() {
        String big = "A".repeat(100 * 1024 * 1024);
        List<PackageContents.ContentRow> rows = java.util.stream.IntStream.range(0, 6)
                .mapToObj(i -> new PackageContents.ContentRow("x" + i, "application/pdf", big)).toList();
        PackageContents contents = new PackageContents(new PackageContents.Organization(
                new PackageContents.CommitteeRow("C", "委员会", null, "COMMUNITY", null, true), List.of(), List.of(),
                List.of()), List.of(), List.of(), rows);

        ValidationException refused = catchThrowableOfType(ValidationException.class, contents::toEntries);

        assertThat(refused.problems()).extracting(Problem::key).containsExactly("exchange.tooLarge");
    }
}

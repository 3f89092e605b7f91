package cn.mediationdesk.logic.report.print;

import cn.mediationdesk.logic.l10n.Localization;
import cn.mediationdesk.logic.report.casefile.AcceptanceRecord;
import cn.mediationdesk.logic.report.casefile.AcceptanceRecord.VerificationLine;
import cn.mediationdesk.logic.report.casefile.AgreementDocument;
import cn.mediationdesk.logic.report.casefile.CaseDocuments;
import cn.mediationdesk.logic.report.casefile.CaseFileCover;
import cn.mediationdesk.logic.report.casefile.CaseFileCover.ContentsEntry;
import cn.mediationdesk.logic.report.casefile.CaseHeader;
import cn.mediationdesk.logic.report.casefile.DocumentAgent;
import cn.mediationdesk.logic.report.casefile.DocumentParty;
import cn.mediationdesk.logic.report.casefile.FollowUpRecord;
import cn.mediationdesk.logic.report.casefile.SessionRecord;
import cn.mediationdesk.logic.report.print.PrintBlock.Cell;
import cn.mediationdesk.logic.report.print.PrintBlock.Column;
import cn.mediationdesk.logic.report.print.PrintBlock.Field;
import cn.mediationdesk.logic.report.print.PrintBlock.FieldLines;
import cn.mediationdesk.logic.report.print.PrintBlock.HeaderCell;
import cn.mediationdesk.logic.report.print.PrintBlock.LabeledText;
import cn.mediationdesk.logic.report.print.PrintBlock.Paragraph;
import cn.mediationdesk.logic.report.print.PrintBlock.Row;
import cn.mediationdesk.logic.report.print.PrintBlock.Signatures;
import cn.mediationdesk.logic.report.print.PrintBlock.Table;
import cn.mediationdesk.logic.report.print.PrintDocument.Orientation;
import cn.mediationdesk.logic.report.print.PrintDocument.Style;
import cn.mediationdesk.model.AgentAuthority;
import cn.mediationdesk.model.AgentKind;
import cn.mediationdesk.model.AgreementForm;
import cn.mediationdesk.model.PartyKind;
import cn.mediationdesk.model.VerificationResult;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;
import java.util.stream.Collectors;

/**
 * Lays the documents of a case out for printing, on A4 portrait: forms as ruled tables with their
 * field names shaded, the agreement as prose with the places to sign and to seal, and the file's
 * cover and contents list.
 */
public final class CaseDocumentLayouts {
    /** Form columns: a field name, its value, a field name, its value. */
    private static final List<Column> FORM = List.of(Column.text(1.25f), Column.text(2.2f), Column.text(1.25f),
            Column.text(2.2f));
    /** A field name and a long text beside it. */
    private static final List<Column> WIDE = List.of(Column.text(1.25f), Column.text(5.65f));

    /** The contents list has at least this many lines, the empty ones for documents added by hand. */
    private static final int CONTENTS_ROWS = 15;

    private final ReportTexts texts;
    private final boolean chinese;

    public CaseDocumentLayouts(Localization l10n) {
        this.texts = new ReportTexts(l10n);
        this.chinese = l10n.isChinese();
    }

    /** The documents of the case in the order they are bound, cover and contents list aside. */
    public List<PrintDocument> documents(CaseDocuments documents) {
        List<PrintDocument> all = new ArrayList<>();
        all.add(acceptance(documents.acceptance()));
        documents.sessions().forEach(s -> all.add(session(s)));
        documents.agreement().ifPresent(a -> all.add(agreement(a)));
        documents.followUps().forEach(f -> all.add(followUp(f)));
        return all;
    }

    /**
     * The whole case file: the cover, the contents list with the page each document starts on (as
     * {@code pages} counts them), then the documents.
     */
    public List<PrintDocument> caseFile(CaseDocuments documents, ToIntFunction<PrintDocument> pages) {
        List<PrintDocument> bound = documents(documents);
        List<Integer> counts = bound.stream().map(pages::applyAsInt).toList();
        List<PrintDocument> all = new ArrayList<>();
        all.add(cover(documents.cover()));
        all.add(contents(documents.cover(), counts));
        all.addAll(bound);
        return all;
    }

    public PrintDocument acceptance(AcceptanceRecord r) {
        CaseHeader h = r.header();
        List<PrintBlock> blocks = new ArrayList<>();
        String community = r.gridName() == null ? r.communityName() : r.communityName() + " " + r.gridName();
        String risk = texts.risk(r.risk());
        List<String> flags = new ArrayList<>();
        if (r.criminalRisk()) {
            flags.add(texts.text("report.doc.flag.criminal"));
        }
        if (r.groupRisk()) {
            flags.add(texts.text("report.doc.flag.group"));
        }
        if (!flags.isEmpty()) {
            risk = risk + texts.text("report.doc.flags", String.join(texts.text("report.list.separator"), flags));
        }
        blocks.add(new Table(FORM, List.of(), List.of(
                spanningRow("report.doc.caseNumber", caseNumber(h)),
                formRow("report.doc.leadNo", nullToEmpty(h.leadNo()), "report.doc.foundOn", texts.date(r.foundOn())),
                formRow("report.doc.source", chinese ? r.sourceZh() : r.sourceEn(), "report.doc.acceptedOn",
                        texts.date(r.acceptedOn())),
                formRow("report.doc.type", chinese ? r.typeZh() : r.typeEn(), "report.doc.community", community),
                formRow("report.doc.people", r.peopleCount() == null ? "" : texts.text("report.doc.peopleCount",
                        r.peopleCount()), "report.doc.amount", r.amount() == null ? ""
                        : texts.text("report.doc.yuan", ReportTexts.amount(r.amount()))),
                spanningRow("report.doc.risk", risk))));
        blocks.add(partiesTable(r.parties()));
        StringBuilder verification = new StringBuilder();
        for (VerificationLine step : r.verificationSteps()) {
            verification.append(texts.text("report.doc.verificationStep", texts.date(step.on()), step.method(),
                    step.note(), step.person().isEmpty() ? "" : texts.text("report.doc.verifiedBy", step.person())))
                    .append('\n');
        }
        if (r.verificationResult() != null) {
            verification.append(texts.text("report.doc.verificationResult", texts.verification(r.verificationResult()),
                    texts.date(r.verifiedOn())));
        }
        String opinion;
        if (r.acceptedOn() != null) {
            opinion = texts.text("report.doc.acceptedOpinion", texts.date(r.acceptedOn()), texts.date(r.dueOn()));
        } else if (r.declinedOn() != null) {
            opinion = texts.text("report.doc.declinedOpinion", texts.date(r.declinedOn()));
        } else if (r.verificationResult() != null && r.verificationResult() != VerificationResult.GENUINE) {
            opinion = texts.text("report.doc.notAcceptedOpinion", texts.verification(r.verificationResult()));
        } else {
            opinion = texts.text("report.doc.pendingOpinion");
        }
        blocks.add(new Table(WIDE, List.of(), List.of(
                wideRow("report.doc.summary", r.summary(), 96),
                wideRow("report.doc.verification", verification.toString().strip(), 60),
                wideRow("report.doc.opinion", opinion, 40),
                wideRow("report.doc.mediators", names(r.mediators()), 0))));
        blocks.add(new Signatures(List.of(texts.text("report.sign.registeredBy"), texts.text("report.sign.director"),
                texts.text("report.sign.date")), true, null, null));
        return document(texts.text("report.doc.acceptance.title"), h, blocks);
    }

    public PrintDocument session(SessionRecord s) {
        CaseHeader h = s.header();
        List<PrintBlock> blocks = new ArrayList<>();
        blocks.add(new Table(FORM, List.of(), List.of(
                spanningRow("report.doc.caseNumber", caseNumber(h)),
                formRow("report.doc.sessionNumber", texts.text("report.doc.nth", s.number()), "report.doc.heldOn",
                        texts.date(s.heldOn())),
                spanningRow("report.doc.place", s.place()),
                spanningRow("report.doc.mediators", names(s.mediators())),
                spanningRow("report.doc.parties", partyNames(s.parties())),
                spanningRow("report.doc.participants", s.participants()))));
        blocks.add(new Table(WIDE, List.of(), List.of(wideRow("report.doc.sessionNotes", s.notes(), 330))));
        blocks.add(new Signatures(List.of(texts.text("report.sign.parties"), texts.text("report.sign.mediator"),
                texts.text("report.sign.recorder")), false, null, texts.date(s.heldOn())));
        return document(texts.text("report.doc.session.title"), h, blocks);
    }

    /** 人民调解协议书 with the contents 人民调解法 Art. 29 requires; an oral agreement as its record (Art. 28). */
    public PrintDocument agreement(AgreementDocument a) {
        CaseHeader h = a.header();
        boolean written = a.form() == AgreementForm.WRITTEN;
        List<PrintBlock> blocks = new ArrayList<>();
        for (DocumentParty p : a.parties()) {
            blocks.add(new Paragraph(partyLine(p), false, PrintBlock.Align.LEFT));
        }
        if (a.parties().isEmpty()) {
            blocks.add(new Paragraph(texts.text("report.doc.noParties"), false, PrintBlock.Align.LEFT));
        }
        blocks.add(new PrintBlock.Spacer(6));
        blocks.add(new LabeledText(texts.text("report.doc.agreement.facts", a.typeLabel(chinese)), a.facts(), 1));
        blocks.add(new LabeledText(texts.text("report.doc.agreement.terms"), a.terms(), 1));
        if (a.amount() != null) {
            blocks.add(Paragraph.of(texts.text("report.doc.agreement.amount", ReportTexts.amount(a.amount()))));
        }
        blocks.add(new LabeledText(texts.text("report.doc.agreement.performance"), a.performanceDeadline() == null
                ? texts.text("report.doc.agreement.performNow")
                : texts.text("report.doc.agreement.performBy", texts.date(a.performanceDeadline())), 1));
        if (written) {
            blocks.add(Paragraph.of(texts.text("report.doc.agreement.copies", Math.max(3, a.parties().size() + 1))));
            blocks.add(Paragraph.of(texts.text("report.doc.agreement.effect")));
            blocks.add(Paragraph.of(texts.text("report.doc.agreement.judicial")));
        } else {
            blocks.add(Paragraph.of(texts.text("report.doc.agreement.oral")));
        }
        List<String> signers = new ArrayList<>();
        if (written) {
            for (DocumentParty p : a.parties()) {
                signers.add(texts.text("report.sign.party", texts.role(p.role()), p.name()));
            }
        }
        signers.add(texts.text("report.sign.mediator"));
        signers.add(texts.text("report.sign.recorder"));
        blocks.add(new Signatures(signers, false, texts.text("report.sign.seal", h.committeeName()),
                texts.date(a.agreedOn())));
        String title = texts.text(written ? "report.doc.agreement.title" : "report.doc.oralAgreement.title");
        return new PrintDocument(Style.DOCUMENT, Orientation.PORTRAIT, title,
                List.of(texts.text("report.doc.numbered", caseNumber(h))), blocks, null, true);
    }

    public PrintDocument followUp(FollowUpRecord f) {
        CaseHeader h = f.header();
        List<PrintBlock> blocks = new ArrayList<>();
        blocks.add(new Table(FORM, List.of(), List.of(
                spanningRow("report.doc.caseNumber", caseNumber(h)),
                formRow("report.doc.visitNumber", texts.text("report.doc.nth", f.number()), "report.doc.visitedOn",
                        texts.date(f.visitedOn())),
                spanningRow("report.doc.agreedOn", texts.date(f.agreedOn())),
                spanningRow("report.doc.parties", partyNames(f.parties())),
                formRow("report.doc.performance", texts.performance(f.performance()), "report.doc.satisfaction",
                        texts.satisfaction(f.satisfaction())),
                spanningRow("report.doc.escalation", texts.text(f.escalationSigns()
                        ? "report.doc.escalation.yes" : "report.doc.escalation.no")))));
        blocks.add(new Table(WIDE, List.of(), List.of(wideRow("report.doc.visitNotes", f.notes(), 260))));
        blocks.add(new Signatures(List.of(texts.text("report.sign.visitor"), texts.text("report.sign.visited")),
                false, null, texts.date(f.visitedOn())));
        return document(texts.text("report.doc.followUp.title"), h, blocks);
    }

    /** The cover of the 卷宗: no page number; 立卷人 and 保管期限 left on their lines when not given. */
    public PrintDocument cover(CaseFileCover c) {
        CaseHeader h = c.header();
        List<Field> fields = List.of(
                new Field(texts.text("report.doc.caseNumber"), nullToEmpty(h.caseNumber())),
                new Field(texts.text("report.doc.parties"), partyNames(c.parties())),
                new Field(texts.text("report.doc.type"), c.typeLabel(chinese)),
                new Field(texts.text("report.doc.acceptedOn"), texts.date(c.acceptedOn())),
                new Field(texts.text("report.doc.closedOn"), texts.date(c.closedOn())),
                new Field(texts.text("report.doc.outcome"), texts.outcome(c.outcome())),
                new Field(texts.text("report.doc.filedBy"), nullToEmpty(c.filedBy())),
                new Field(texts.text("report.doc.retention"), nullToEmpty(c.retention())));
        List<String> scope = new ArrayList<>();
        scope.add(h.committeeName());
        return new PrintDocument(Style.COVER, Orientation.PORTRAIT, texts.text("report.doc.cover.title"), scope,
                List.of(new PrintBlock.Spacer(70), new FieldLines(fields)), null, false);
    }

    /**
     * 卷内目录: each document with its date and the pages it takes, numbered from the first document
     * on; {@code pages} holds how many pages each entry takes, in the order of the contents.
     */
    public PrintDocument contents(CaseFileCover c, List<Integer> pages) {
        List<Row> rows = new ArrayList<>();
        int page = 1;
        for (int i = 0; i < c.contents().size(); i++) {
            ContentsEntry entry = c.contents().get(i);
            int count = i < pages.size() ? Math.max(1, pages.get(i)) : 1;
            String range = count == 1 ? Integer.toString(page)
                    : texts.text("report.doc.contents.pages", page, page + count - 1);
            rows.add(Row.of(List.of(Cell.of(Integer.toString(i + 1)), Cell.of(entryTitle(entry)),
                    Cell.of(texts.date(entry.date())), Cell.of(range), Cell.of(""))));
            page += count;
        }
        // Blank lines for what the office adds to the file by hand.
        while (rows.size() < CONTENTS_ROWS) {
            rows.add(new Row(List.of(Cell.of(""), Cell.of(""), Cell.of(""), Cell.of(""), Cell.of("")), false, 0));
        }
        Table table = new Table(List.of(Column.centered(0.8f), Column.text(4.2f), Column.centered(2.2f),
                Column.centered(1.1f), Column.text(1.5f)),
                List.of(List.of(HeaderCell.of(texts.text("report.column.index")),
                        HeaderCell.of(texts.text("report.doc.contents.document")),
                        HeaderCell.of(texts.text("report.doc.contents.date")),
                        HeaderCell.of(texts.text("report.doc.contents.page")),
                        HeaderCell.of(texts.text("report.doc.contents.remark")))),
                rows);
        return new PrintDocument(Style.DOCUMENT, Orientation.PORTRAIT, texts.text("report.doc.contents.title"),
                List.of(texts.text("report.doc.caseNumberLine", nullToEmpty(c.header().caseNumber()))), List.of(table),
                null, false);
    }

    // ---- parts ----

    private String entryTitle(ContentsEntry entry) {
        return switch (entry.kind()) {
            case ACCEPTANCE -> texts.text("report.doc.acceptance.title");
            case SESSION -> texts.text("report.doc.contents.session", entry.number());
            case AGREEMENT -> texts.text("report.doc.agreement.title");
            case FOLLOW_UP -> texts.text("report.doc.contents.followUp", entry.number());
        };
    }

    private PrintDocument document(String title, CaseHeader h, List<PrintBlock> blocks) {
        List<String> scope = List.of(texts.text("report.doc.committeeLine", h.committeeName()),
                texts.text("report.doc.caseNumberLine", caseNumber(h)));
        return new PrintDocument(Style.DOCUMENT, Orientation.PORTRAIT, title, scope, blocks, null, true);
    }

    private String caseNumber(CaseHeader h) {
        return h.caseNumber() != null ? h.caseNumber() : texts.text("report.doc.notAccepted");
    }

    private Row formRow(String label1, String value1, String label2, String value2) {
        return Row.of(List.of(Cell.label(texts.text(label1)), Cell.of(value1), Cell.label(texts.text(label2)),
                Cell.of(value2)));
    }

    private Row spanningRow(String label, String value) {
        return Row.of(List.of(Cell.label(texts.text(label)), Cell.spanning(value, 3)));
    }

    private Row wideRow(String label, String value, float minHeight) {
        return new Row(List.of(Cell.label(texts.text(label)), Cell.of(value)), false, minHeight);
    }

    /**
     * The parties as a ruled table: a row each with its role, name, gender, ID number (an
     * organization's credit code), phone and address, then a row with the rest of what the forms ask
     * (民族, birth, 职业, 工作单位; an organization's 法定代表人) and a row for each agent.
     */
    private Table partiesTable(List<DocumentParty> parties) {
        // Wide enough for an 18-character ID number and an 11-digit phone number on one line, and for
        // 委托代理人 beside its row.
        List<Column> columns = List.of(Column.centered(1.2f), Column.centered(0.95f), Column.centered(0.62f),
                Column.centered(2.3f), Column.centered(1.6f), Column.text(1.73f));
        List<Row> rows = new ArrayList<>();
        for (DocumentParty p : parties) {
            rows.add(Row.of(List.of(Cell.label(texts.role(p.role())), Cell.of(p.name()), Cell.of(texts.gender(p.gender())),
                    Cell.of(p.isPerson() ? p.idNumber() : p.creditCode()), Cell.of(p.phone()), Cell.of(p.address()))));
            List<String> particulars = p.isPerson() ? personParticulars(p) : representative(p);
            if (!particulars.isEmpty()) {
                rows.add(Row.of(List.of(Cell.label(texts.text("report.doc.party.particulars")),
                        prose(facts(particulars)))));
            }
            for (DocumentAgent agent : p.agents()) {
                rows.add(Row.of(List.of(Cell.label(agentKind(agent)), prose(facts(agentFacts(agent))))));
            }
        }
        if (parties.isEmpty()) {
            rows.add(Row.of(List.of(Cell.label(texts.text("report.doc.parties")),
                    Cell.spanning(texts.text("report.doc.noParties"), 5))));
        }
        return new Table(columns, List.of(List.of(HeaderCell.of(texts.text("report.doc.parties")),
                HeaderCell.of(texts.text("report.doc.name")), HeaderCell.of(texts.text("report.doc.gender")),
                HeaderCell.of(texts.text("report.doc.idNumber")), HeaderCell.of(texts.text("report.doc.phone")),
                HeaderCell.of(texts.text("report.doc.address")))), rows);
    }

    /**
     * The party as the official forms write it, then a line for each of its agents:
     * 申请人：张三，男，汉族，1970年5月3日出生，公民身份号码 …，职业 …，住址 …，联系电话 …。
     * 被申请人：某某有限公司，统一社会信用代码 …，住所地 …，法定代表人：李四，职务：总经理。
     * 委托代理人：王五，某律师事务所律师，特别授权（代为承认、放弃、变更调解请求）。
     */
    private String partyLine(DocumentParty p) {
        List<String> facts = new ArrayList<>();
        facts.add(p.name());
        if (p.isPerson()) {
            if (p.gender() != null) {
                facts.add(texts.gender(p.gender()));
            }
            facts.addAll(personOrigin(p));
            if (!p.idNumber().isEmpty()) {
                facts.add(texts.text("report.doc.party.idNumber", p.idNumber()));
            }
            facts.addAll(personWork(p));
            if (!p.address().isEmpty()) {
                facts.add(texts.text("report.doc.party.address", p.address()));
            }
        } else {
            if (!p.creditCode().isEmpty()) {
                facts.add(texts.text("report.doc.party.creditCode", p.creditCode()));
            }
            if (!p.address().isEmpty()) {
                facts.add(texts.text("report.doc.party.seat", p.address()));
            }
            facts.addAll(representative(p));
        }
        if (!p.phone().isEmpty()) {
            facts.add(texts.text("report.doc.party.phone", p.phone()));
        }
        StringBuilder lines = new StringBuilder(texts.text("report.doc.party.line", texts.role(p.role()), facts(facts)));
        for (DocumentAgent agent : p.agents()) {
            lines.append('\n').append(texts.text("report.doc.party.line", agentKind(agent), facts(agentFacts(agent))));
        }
        return lines.toString();
    }

    /** What the table adds to a person's row: 民族, birth date or age, 职业 and 工作单位. */
    private List<String> personParticulars(DocumentParty p) {
        List<String> facts = new ArrayList<>(personOrigin(p));
        facts.addAll(personWork(p));
        return facts;
    }

    /** 民族 and the birth date, or the age when the birth date is not known. */
    private List<String> personOrigin(DocumentParty p) {
        List<String> facts = new ArrayList<>();
        if (!p.ethnicity().isEmpty()) {
            facts.add(p.ethnicity());
        }
        if (p.birthDate() != null) {
            facts.add(texts.text("report.doc.party.born", texts.date(p.birthDate())));
        } else if (p.age() != null) {
            facts.add(texts.text("report.doc.party.age", p.age()));
        }
        return facts;
    }

    private List<String> personWork(DocumentParty p) {
        List<String> facts = new ArrayList<>();
        if (!p.occupation().isEmpty()) {
            facts.add(texts.text("report.doc.party.occupation", p.occupation()));
        }
        if (!p.employer().isEmpty()) {
            facts.add(texts.text("report.doc.party.employer", p.employer()));
        }
        return facts;
    }

    /** An organization's 法定代表人 (a legal person's) or 主要负责人 (another organization's), and their post. */
    private List<String> representative(DocumentParty p) {
        List<String> facts = new ArrayList<>();
        if (!p.legalRepresentative().isEmpty()) {
            facts.add(texts.text(p.kind() == PartyKind.ORGANIZATION ? "report.doc.party.responsiblePerson"
                    : "report.doc.party.legalRepresentative", p.legalRepresentative()));
        }
        if (!p.representativeTitle().isEmpty()) {
            facts.add(texts.text("report.doc.party.title", p.representativeTitle()));
        }
        return facts;
    }

    private String agentKind(DocumentAgent agent) {
        return texts.text(agent.kind() == AgentKind.LEGAL ? "report.doc.agent.legal" : "report.doc.agent.entrusted");
    }

    /** The agent's name, relation to the party, an entrusted agent's authority, ID number and phone. */
    private List<String> agentFacts(DocumentAgent agent) {
        List<String> facts = new ArrayList<>();
        facts.add(agent.name());
        if (!agent.relation().isEmpty()) {
            facts.add(agent.relation());
        }
        if (agent.kind() == AgentKind.ENTRUSTED && agent.authority() == AgentAuthority.GENERAL) {
            facts.add(texts.text("report.doc.agent.general"));
        } else if (agent.kind() == AgentKind.ENTRUSTED && agent.authority() == AgentAuthority.SPECIAL) {
            facts.add(agent.authorityScope().isEmpty() ? texts.text("report.doc.agent.special")
                    : texts.text("report.doc.agent.specialScope", agent.authorityScope()));
        }
        if (!agent.idNumber().isEmpty()) {
            facts.add(texts.text("report.doc.party.idNumber", agent.idNumber()));
        }
        if (!agent.phone().isEmpty()) {
            facts.add(texts.text("report.doc.party.phone", agent.phone()));
        }
        return facts;
    }

    /** Text across the five value columns of the parties table, read from the left like a sentence. */
    private static Cell prose(String text) {
        return new Cell(text, 5, false, PrintBlock.Align.LEFT);
    }

    private String facts(List<String> facts) {
        return String.join(texts.text("report.doc.party.separator"), facts);
    }

    private String partyNames(List<DocumentParty> parties) {
        return parties.stream().map(p -> texts.text("report.doc.partyWithRole", p.name(), texts.role(p.role())))
                .collect(Collectors.joining(texts.text("report.list.separator")));
    }

    private String names(List<String> names) {
        return String.join(texts.text("report.list.separator"), names);
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}

package cn.mediationdesk.logic.report.print;

import cn.mediationdesk.logic.attachment.AttachedFile;
import cn.mediationdesk.logic.l10n.Localization;
import cn.mediationdesk.logic.report.casefile.AcceptanceRecord;
import cn.mediationdesk.logic.report.casefile.AcceptanceRecord.VerificationLine;
import cn.mediationdesk.logic.report.casefile.AgreementDocument;
import cn.mediationdesk.logic.report.casefile.ApplicationDocument;
import cn.mediationdesk.logic.report.casefile.CaseDocuments;
import cn.mediationdesk.logic.report.casefile.CaseFileCover;
import cn.mediationdesk.logic.report.casefile.CaseHeader;
import cn.mediationdesk.logic.report.casefile.ClosingReport;
import cn.mediationdesk.logic.report.casefile.DocumentAgent;
import cn.mediationdesk.logic.report.casefile.DocumentKind;
import cn.mediationdesk.logic.report.casefile.DocumentParty;
import cn.mediationdesk.logic.report.casefile.FileNote;
import cn.mediationdesk.logic.report.casefile.FollowUpRecord;
import cn.mediationdesk.logic.report.casefile.InvestigationRecord;
import cn.mediationdesk.logic.report.casefile.JudicialDocument;
import cn.mediationdesk.logic.report.casefile.RightsNotice;
import cn.mediationdesk.logic.report.casefile.RoutesNotice;
import cn.mediationdesk.logic.report.casefile.SessionRecord;
import cn.mediationdesk.logic.report.print.PrintBlock.BoundFile;
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
import cn.mediationdesk.model.Attachment;
import cn.mediationdesk.model.AttachmentKind;
import cn.mediationdesk.model.ConsentWay;
import cn.mediationdesk.model.FollowUpWay;
import cn.mediationdesk.model.JudicialResult;
import cn.mediationdesk.model.OtherRoute;
import cn.mediationdesk.model.PartyKind;
import cn.mediationdesk.model.PartyRole;
import cn.mediationdesk.model.PreventionKind;
import cn.mediationdesk.model.Retention;
import cn.mediationdesk.model.VerificationResult;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.ToIntFunction;
import java.util.stream.Collectors;

/**
 * Lays the 卷宗 of a case out for printing, on A4 portrait: the cover, the 卷内目录 listing all thirteen
 * items with the page each starts on, then the items in their binding order — forms as ruled tables
 * with their field names shaded, notices and the agreement as prose, with the places to sign and to
 * seal — and the scans and photos bound into them.
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

    /**
     * One item of the 卷内目录 as it is bound: its documents and scans in order (none when it does not
     * apply to the case), the date the contents list gives it and how many scans it holds.
     */
    public record BoundItem(DocumentKind kind, List<PrintDocument> documents, LocalDate date, int attachments) {
        public BoundItem {
            documents = List.copyOf(documents);
        }

        public boolean applies() {
            return !documents.isEmpty();
        }
    }

    /** The documents and scans of the thirteen items in the order they are bound, cover and contents list aside. */
    public List<PrintDocument> documents(CaseDocuments documents) {
        return items(documents, 0).stream().flatMap(i -> i.documents().stream()).toList();
    }

    /**
     * The thirteen items of the file in their order.
     *
     * @param filePages the pages of the whole file (cover and contents list aside), for the 卷宗情况说明
     */
    public List<BoundItem> items(CaseDocuments d, int filePages) {
        List<BoundItem> items = new ArrayList<>();
        items.add(item(DocumentKind.APPLICATION, d, d.application().map(this::application),
                d.application().map(ApplicationDocument::appliedOn).orElse(null)));
        items.add(item(DocumentKind.ACCEPTANCE, d, Optional.of(acceptance(d.acceptance())),
                d.acceptance().acceptedOn() != null ? d.acceptance().acceptedOn() : d.acceptance().foundOn()));
        items.add(item(DocumentKind.RIGHTS_NOTICE, d, d.rightsNotice().map(this::rightsNotice),
                d.rightsNotice().map(RightsNotice::givenOn).orElse(null)));
        items.add(item(DocumentKind.INVESTIGATION, d, d.investigation().map(this::investigation),
                d.investigation().map(i -> i.steps().getFirst().on()).orElse(null)));
        items.add(item(DocumentKind.EVIDENCE, d, Optional.empty(), null));
        items.add(item(DocumentKind.SESSION, d, d.sessions().stream().map(this::session).toList(),
                d.sessions().isEmpty() ? null : d.sessions().getFirst().heldOn()));
        items.add(item(DocumentKind.AGREEMENT, d, d.agreement().map(this::agreement),
                d.agreement().map(AgreementDocument::agreedOn).orElse(null)));
        items.add(item(DocumentKind.ROUTES_NOTICE, d, d.routesNotice().map(this::routesNotice),
                d.routesNotice().map(RoutesNotice::notifiedOn).orElse(null)));
        items.add(item(DocumentKind.JUDICIAL_CONFIRMATION, d, d.judicialConfirmation().map(this::judicial),
                d.judicialConfirmation().map(JudicialDocument::appliedOn).orElse(null)));
        items.add(item(DocumentKind.FOLLOW_UP, d, d.followUps().stream().map(this::followUp).toList(),
                d.followUps().isEmpty() ? null : d.followUps().getFirst().visitedOn()));
        items.add(item(DocumentKind.CLOSING_REPORT, d, d.closingReport().map(this::closingReport),
                d.closingReport().map(ClosingReport::closedOn).orElse(null)));
        items.add(item(DocumentKind.FILE_NOTE, d, Optional.of(fileNote(d.fileNote(), filePages)),
                d.fileNote().filedOn()));
        items.add(item(DocumentKind.BACK_COVER, d, Optional.of(backCover(d.fileNote())), d.fileNote().filedOn()));
        return items;
    }

    private BoundItem item(DocumentKind kind, CaseDocuments d, Optional<PrintDocument> document, LocalDate date) {
        return item(kind, d, document.stream().toList(), date);
    }

    private BoundItem item(DocumentKind kind, CaseDocuments d, List<PrintDocument> documents, LocalDate date) {
        List<PrintDocument> all = new ArrayList<>(documents);
        List<AttachedFile> files = d.attachmentsOf(kind);
        files.forEach(f -> all.add(attachment(f)));
        return new BoundItem(kind, all, date, files.size());
    }

    /**
     * The whole 卷宗: the cover, the 卷内目录 with the pages each item takes (as {@code pages} counts
     * them, scans included), then the items. The 卷宗情况说明 states the file's page count, itself
     * included.
     */
    public List<PrintDocument> caseFile(CaseDocuments documents, ToIntFunction<PrintDocument> pages) {
        List<BoundItem> items = items(documents, 0);
        int others = 0;
        for (BoundItem item : items) {
            if (item.kind() != DocumentKind.FILE_NOTE) {
                others += count(item, pages);
            }
        }
        // The note's own pages count too; its text hardly changes with the number, so a second try settles it.
        int total = others + 1;
        for (int attempt = 0; attempt < 2; attempt++) {
            items = items(documents, total);
            total = others + count(items.get(DocumentKind.FILE_NOTE.ordinal()), pages);
        }
        items = items(documents, total);
        List<Integer> counts = items.stream().map(i -> count(i, pages)).toList();
        List<PrintDocument> all = new ArrayList<>();
        all.add(cover(documents.cover()));
        all.add(contents(documents.cover(), items, counts));
        items.forEach(i -> all.addAll(i.documents()));
        return all;
    }

    private static int count(BoundItem item, ToIntFunction<PrintDocument> pages) {
        return item.documents().stream().mapToInt(pages).sum();
    }

    // ---- the items ----

    /** 人民调解申请书: the parties, what they ask for and why, to the committee; the applicants sign. */
    public PrintDocument application(ApplicationDocument a) {
        CaseHeader h = a.header();
        List<PrintBlock> blocks = new ArrayList<>();
        for (DocumentParty p : a.parties()) {
            blocks.add(new Paragraph(partyLine(p), false, PrintBlock.Align.LEFT));
        }
        if (a.parties().isEmpty()) {
            blocks.add(new Paragraph(texts.text("report.doc.noParties"), false, PrintBlock.Align.LEFT));
        }
        blocks.add(new PrintBlock.Spacer(6));
        blocks.add(new LabeledText(texts.text("report.doc.application.requests"), a.requests(), 3));
        blocks.add(new LabeledText(texts.text("report.doc.application.reasons"), a.reasons(), 4));
        blocks.add(Paragraph.of(texts.text("report.doc.application.toCommittee")));
        blocks.add(new Paragraph(h.committeeName(), false, PrintBlock.Align.LEFT));
        List<String> signers = new ArrayList<>();
        for (DocumentParty p : a.parties()) {
            if (p.role() == PartyRole.APPLICANT) {
                signers.add(texts.text("report.sign.party", texts.role(p.role()), p.name()));
            }
        }
        if (signers.isEmpty()) {
            signers.add(texts.text("report.sign.applicant"));
        }
        blocks.add(new Signatures(signers, false, null, dateOrBlank(a.appliedOn())));
        return document(texts.text("report.doc.application.title"), h, blocks);
    }

    /**
     * 人民调解受理登记表: what the parties sign, so without risk level or risk flags; with their
     * consent, the day the rights notice was given, and the committee's seal.
     */
    public PrintDocument acceptance(AcceptanceRecord r) {
        CaseHeader h = r.header();
        List<PrintBlock> blocks = new ArrayList<>();
        String community = r.gridName() == null ? r.communityName() : r.communityName() + " " + r.gridName();
        String consent = r.consentOn() == null ? texts.text("report.doc.notRecorded")
                : r.consentWay() == null ? texts.date(r.consentOn())
                : texts.text("report.doc.consentLine", texts.date(r.consentOn()), consentWay(r.consentWay()));
        blocks.add(new Table(FORM, List.of(), List.of(
                spanningRow("report.doc.caseNumber", caseNumber(h)),
                formRow("report.doc.leadNo", nullToEmpty(h.leadNo()), "report.doc.foundOn", texts.date(r.foundOn())),
                formRow("report.doc.source", chinese ? r.sourceZh() : r.sourceEn(), "report.doc.acceptedOn",
                        texts.date(r.acceptedOn())),
                formRow("report.doc.type", chinese ? r.typeZh() : r.typeEn(), "report.doc.community", community),
                formRow("report.doc.people", r.peopleCount() == null ? "" : texts.text("report.doc.peopleCount",
                        r.peopleCount()), "report.doc.amount", r.amount() == null ? ""
                        : texts.text("report.doc.yuan", ReportTexts.amount(r.amount()))),
                formRow("report.doc.consent", consent, "report.doc.rightsNoticeOn",
                        r.rightsNoticeOn() == null ? texts.text("report.doc.notRecorded")
                                : texts.date(r.rightsNoticeOn())))));
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
                wideRow("report.doc.summary", r.summary(), 80),
                wideRow("report.doc.verification", verification.toString().strip(), 48),
                wideRow("report.doc.opinion", opinion, 36),
                wideRow("report.doc.mediators", names(r.mediators()), 0))));
        List<String> signers = partySigners(r.parties());
        signers.add(texts.text("report.sign.registeredBy"));
        blocks.add(new Signatures(signers, false, texts.text("report.sign.seal", h.committeeName()),
                dateOrBlank(r.acceptedOn())));
        return document(texts.text("report.doc.acceptance.title"), h, blocks);
    }

    /** 当事人权利义务告知书: 人民调解法 Arts. 23–24 in the official notice's words, signed by each party. */
    public PrintDocument rightsNotice(RightsNotice n) {
        List<PrintBlock> blocks = new ArrayList<>();
        blocks.add(new Paragraph(texts.text("report.doc.rightsNotice.to", partyNames(n.parties())), false,
                PrintBlock.Align.LEFT));
        blocks.add(Paragraph.of(texts.text("report.doc.rightsNotice.intro")));
        blocks.add(Paragraph.of(texts.text("report.doc.rightsNotice.rights")));
        for (String key : List.of("report.doc.rightsNotice.right1", "report.doc.rightsNotice.right2",
                "report.doc.rightsNotice.right3", "report.doc.rightsNotice.right4")) {
            blocks.add(Paragraph.of(texts.text(key)));
        }
        blocks.add(Paragraph.of(texts.text("report.doc.rightsNotice.duties")));
        for (String key : List.of("report.doc.rightsNotice.duty1", "report.doc.rightsNotice.duty2",
                "report.doc.rightsNotice.duty3")) {
            blocks.add(Paragraph.of(texts.text(key)));
        }
        blocks.add(Paragraph.of(texts.text("report.doc.rightsNotice.acknowledged")));
        List<String> signers = partySigners(n.parties());
        signers.add(texts.text("report.sign.notifiedBy"));
        blocks.add(new Signatures(signers, false, texts.text("report.sign.seal", n.header().committeeName()),
                dateOrBlank(n.givenOn())));
        return document(texts.text("report.doc.rightsNotice.title"), n.header(), blocks);
    }

    /** 调查记录: each verification step as a small form, then the places to sign. */
    public PrintDocument investigation(InvestigationRecord r) {
        List<PrintBlock> blocks = new ArrayList<>();
        for (int i = 0; i < r.steps().size(); i++) {
            VerificationLine step = r.steps().get(i);
            if (i > 0) {
                blocks.add(new PrintBlock.Spacer(8));
            }
            blocks.add(new Table(FORM, List.of(), List.of(
                    formRow("report.doc.investigation.on", texts.date(step.on()), "report.doc.investigation.method",
                            step.method()),
                    spanningRow("report.doc.investigation.by", step.person()))));
            blocks.add(new Table(WIDE, List.of(), List.of(wideRow("report.doc.investigation.found", step.note(), 70))));
        }
        blocks.add(new Signatures(List.of(texts.text("report.sign.investigated"), texts.text("report.sign.investigator"),
                texts.text("report.sign.recorder")), false, null, null));
        return document(texts.text("report.doc.investigation.title"), r.header(), blocks);
    }

    /**
     * 人民调解记录: 事由, time, place, mediators, recorder, parties, the notice given before it began,
     * the record, and the parties' confirmation of it with their places to sign.
     */
    public PrintDocument session(SessionRecord s) {
        CaseHeader h = s.header();
        List<PrintBlock> blocks = new ArrayList<>();
        blocks.add(new Table(FORM, List.of(), List.of(
                spanningRow("report.doc.caseNumber", caseNumber(h)),
                spanningRow("report.doc.matter", s.matter()),
                formRow("report.doc.sessionNumber", texts.text("report.doc.nth", s.number()), "report.doc.heldOn",
                        texts.date(s.heldOn())),
                spanningRow("report.doc.place", s.place()),
                formRow("report.doc.mediators", names(s.mediators()), "report.doc.recorder", s.recorder()),
                spanningRow("report.doc.parties", partyNames(s.parties())),
                spanningRow("report.doc.participants", s.participants()),
                spanningRow("report.doc.noticeGiven", texts.text(s.noticeGiven()
                        ? "report.doc.noticeGiven.yes" : "report.doc.notRecorded")))));
        blocks.add(new Table(WIDE, List.of(), List.of(wideRow("report.doc.sessionNotes", s.notes(), 260))));
        blocks.add(Paragraph.of(texts.text("report.doc.session.confirmation")));
        List<String> signers = partySigners(s.parties());
        signers.add(texts.text("report.sign.mediator"));
        signers.add(texts.text("report.sign.recorder"));
        blocks.add(new Signatures(signers, false, null, texts.date(s.heldOn())));
        return document(texts.text("report.doc.session.title"), h, blocks);
    }

    /**
     * 人民调解协议书 with the contents 人民调解法 Art. 29 and 若干规定 Art. 35 require; an oral agreement
     * as the official 人民调解口头协议登记表 (Art. 28).
     */
    public PrintDocument agreement(AgreementDocument a) {
        if (a.form() != AgreementForm.WRITTEN) {
            return oralAgreement(a);
        }
        CaseHeader h = a.header();
        List<PrintBlock> blocks = new ArrayList<>();
        for (DocumentParty p : a.parties()) {
            blocks.add(new Paragraph(partyLine(p), false, PrintBlock.Align.LEFT));
        }
        if (a.parties().isEmpty()) {
            blocks.add(new Paragraph(texts.text("report.doc.noParties"), false, PrintBlock.Align.LEFT));
        }
        blocks.add(new PrintBlock.Spacer(6));
        blocks.add(new LabeledText(texts.text("report.doc.agreement.facts", a.typeLabel(chinese)), factsText(a), 1));
        blocks.add(new LabeledText(texts.text("report.doc.agreement.terms"), a.terms(), 1));
        if (a.amount() != null) {
            blocks.add(Paragraph.of(texts.text("report.doc.agreement.amount", ReportTexts.amount(a.amount()))));
        }
        blocks.add(new LabeledText(texts.text("report.doc.agreement.performance"), performanceText(a), 1));
        blocks.add(Paragraph.of(texts.text("report.doc.agreement.copies", Math.max(3, a.parties().size() + 1))));
        blocks.add(Paragraph.of(texts.text("report.doc.agreement.effect")));
        blocks.add(Paragraph.of(texts.text("report.doc.agreement.judicial")));
        List<String> signers = partySigners(a.parties());
        signers.add(texts.text("report.sign.mediator"));
        signers.add(texts.text("report.sign.recorder"));
        blocks.add(new Signatures(signers, false, texts.text("report.sign.seal", h.committeeName()),
                texts.date(a.agreedOn())));
        return new PrintDocument(Style.DOCUMENT, Orientation.PORTRAIT, texts.text("report.doc.agreement.title"),
                List.of(texts.text("report.doc.numbered", caseNumber(h))), blocks, null, true);
    }

    /** 人民调解口头协议登记表: the oral agreement as the mediator registers it, signed by the parties. */
    private PrintDocument oralAgreement(AgreementDocument a) {
        CaseHeader h = a.header();
        List<PrintBlock> blocks = new ArrayList<>();
        blocks.add(new Table(FORM, List.of(), List.of(
                spanningRow("report.doc.caseNumber", caseNumber(h)),
                formRow("report.doc.type", a.typeLabel(chinese), "report.doc.agreedOn", texts.date(a.agreedOn())))));
        blocks.add(partiesTable(a.parties()));
        String terms = a.amount() == null ? a.terms()
                : a.terms() + "\n" + texts.text("report.doc.agreement.amount", ReportTexts.amount(a.amount()));
        blocks.add(new Table(WIDE, List.of(), List.of(
                wideRow("report.doc.oral.facts", a.facts(), 60),
                wideRow("report.doc.oral.issues", a.issues(), 40),
                wideRow("report.doc.oral.responsibility", a.responsibility(), 30),
                wideRow("report.doc.oral.terms", terms.strip(), 80),
                wideRow("report.doc.oral.performance", performanceText(a), 30),
                wideRow("report.doc.mediators", names(a.mediators()), 0))));
        blocks.add(Paragraph.of(texts.text("report.doc.agreement.oral")));
        List<String> signers = partySigners(a.parties());
        signers.add(texts.text("report.sign.mediator"));
        signers.add(texts.text("report.sign.registeredBy"));
        blocks.add(new Signatures(signers, false, texts.text("report.sign.seal", h.committeeName()),
                texts.date(a.agreedOn())));
        return document(texts.text("report.doc.oralAgreement.title"), h, blocks);
    }

    private String factsText(AgreementDocument a) {
        List<String> parts = new ArrayList<>();
        parts.add(a.facts());
        if (!a.issues().isBlank()) {
            parts.add(texts.text("report.doc.agreement.issues", a.issues()));
        }
        if (!a.responsibility().isBlank()) {
            parts.add(texts.text("report.doc.agreement.responsibility", a.responsibility()));
        }
        return String.join("\n", parts).strip();
    }

    private String performanceText(AgreementDocument a) {
        List<String> parts = new ArrayList<>();
        if (!a.performanceWay().isBlank()) {
            parts.add(texts.text("report.doc.agreement.way", a.performanceWay()));
        }
        if (!a.performancePlace().isBlank()) {
            parts.add(texts.text("report.doc.agreement.place", a.performancePlace()));
        }
        parts.add(a.performanceDeadline() == null ? texts.text("report.doc.agreement.performNow")
                : texts.text("report.doc.agreement.performBy", texts.date(a.performanceDeadline())));
        return String.join("\n", parts);
    }

    /** 调解不成告知书 (Art. 26): the mediation ended without agreement, and the routes left to the parties. */
    public PrintDocument routesNotice(RoutesNotice n) {
        List<PrintBlock> blocks = new ArrayList<>();
        blocks.add(new Paragraph(texts.text("report.doc.rightsNotice.to", partyNames(n.parties())), false,
                PrintBlock.Align.LEFT));
        List<OtherRoute> routes = n.routes().isEmpty() ? Arrays.asList(OtherRoute.values())
                : Arrays.stream(OtherRoute.values()).filter(n.routes()::contains).toList();
        blocks.add(Paragraph.of(texts.text("report.doc.routesNotice.body", n.typeLabel(chinese),
                texts.date(n.closedOn()), routes.stream().map(this::route)
                        .collect(Collectors.joining(texts.text("report.list.separator"))))));
        blocks.add(Paragraph.of(texts.text("report.doc.routesNotice.advice")));
        List<String> signers = new ArrayList<>();
        for (DocumentParty p : n.parties()) {
            signers.add(texts.text("report.sign.received", texts.role(p.role()), p.name()));
        }
        signers.add(texts.text("report.sign.mediator"));
        blocks.add(new Signatures(signers, false, texts.text("report.sign.seal", n.header().committeeName()),
                dateOrBlank(n.notifiedOn())));
        return document(texts.text("report.doc.routesNotice.title"), n.header(), blocks);
    }

    /** 司法确认材料: the application, the court, its 调确字 number, and how and when the court ended it. */
    public PrintDocument judicial(JudicialDocument j) {
        List<PrintBlock> blocks = new ArrayList<>();
        blocks.add(new Table(FORM, List.of(), List.of(
                spanningRow("report.doc.caseNumber", caseNumber(j.header())),
                formRow("report.doc.agreedOn", texts.date(j.agreedOn()), "report.doc.judicial.appliedOn",
                        texts.date(j.appliedOn())),
                spanningRow("report.doc.judicial.court", j.court()),
                formRow("report.doc.judicial.number", j.courtCaseNumber(), "report.doc.judicial.result",
                        j.result() == null ? texts.text("report.doc.judicial.pending") : judicialResult(j.result())),
                spanningRow("report.doc.judicial.decidedOn", texts.date(j.decidedOn())))));
        blocks.add(Paragraph.of(texts.text("report.doc.judicial.papers")));
        return document(texts.text("report.doc.judicial.title"), j.header(), blocks);
    }

    /** 人民调解回访记录: the party visited, how and why, and what was found. */
    public PrintDocument followUp(FollowUpRecord f) {
        CaseHeader h = f.header();
        List<PrintBlock> blocks = new ArrayList<>();
        blocks.add(new Table(FORM, List.of(), List.of(
                spanningRow("report.doc.caseNumber", caseNumber(h)),
                formRow("report.doc.visitNumber", texts.text("report.doc.nth", f.number()), "report.doc.visitedOn",
                        texts.date(f.visitedOn())),
                formRow("report.doc.visitedParty", f.visitedParty(), "report.doc.visitWay",
                        f.way() == null ? "" : followUpWay(f.way())),
                spanningRow("report.doc.visitReason", f.reason()),
                spanningRow("report.doc.agreedOn", texts.date(f.agreedOn())),
                spanningRow("report.doc.parties", partyNames(f.parties())),
                formRow("report.doc.performance", texts.performance(f.performance()), "report.doc.satisfaction",
                        texts.satisfaction(f.satisfaction())),
                spanningRow("report.doc.escalation", texts.text(f.escalationSigns()
                        ? "report.doc.escalation.yes" : "report.doc.escalation.no")))));
        blocks.add(new Table(WIDE, List.of(), List.of(wideRow("report.doc.visitNotes", f.notes(), 220))));
        blocks.add(new Signatures(List.of(texts.text("report.sign.visitor"), texts.text("report.sign.visited")),
                false, null, texts.date(f.visitedOn())));
        return document(texts.text("report.doc.followUp.title"), h, blocks);
    }

    /** 结案报告: the case's facts and the mediator's account of it, signed and sealed. */
    public PrintDocument closingReport(ClosingReport r) {
        CaseHeader h = r.header();
        String prevented = r.preventions().isEmpty() ? texts.text("report.doc.escalation.no")
                : Arrays.stream(PreventionKind.values()).filter(r.preventions()::contains).map(this::prevention)
                .collect(Collectors.joining(texts.text("report.list.separator")));
        String police = r.policeReportedOn() == null ? texts.text("report.doc.escalation.no")
                : texts.text("report.doc.closing.policeLine", texts.date(r.policeReportedOn()), r.policeReportedTo());
        List<PrintBlock> blocks = new ArrayList<>();
        blocks.add(new Table(FORM, List.of(), List.of(
                spanningRow("report.doc.caseNumber", caseNumber(h)),
                spanningRow("report.doc.parties", partyNames(r.parties())),
                formRow("report.doc.type", r.typeLabel(chinese), "report.doc.outcome", texts.outcome(r.outcome())),
                formRow("report.doc.acceptedOn", texts.date(r.acceptedOn()), "report.doc.closedOn",
                        texts.date(r.closedOn())),
                spanningRow("report.doc.mediators", names(r.mediators())),
                spanningRow("report.doc.closing.prevented", prevented),
                spanningRow("report.doc.closing.police", police))));
        blocks.add(new Table(WIDE, List.of(), List.of(wideRow("report.doc.closing.report", r.report(), 300))));
        blocks.add(new Signatures(List.of(texts.text("report.sign.mediator"), texts.text("report.sign.directorSigns")),
                false, texts.text("report.sign.seal", h.committeeName()), texts.date(r.closedOn())));
        return document(texts.text("report.doc.closing.title"), h, blocks);
    }

    /** 卷宗情况说明: the file's pages and scans, and what the 立卷人 notes about it. */
    public PrintDocument fileNote(FileNote n, int filePages) {
        List<PrintBlock> blocks = new ArrayList<>();
        blocks.add(Paragraph.of(texts.text("report.doc.fileNote.count", filePages, n.attachments())));
        blocks.add(new LabeledText(texts.text("report.doc.fileNote.note"), n.note(), 8));
        blocks.add(new Signatures(List.of(texts.text("report.sign.filedBy")), false, null, dateOrBlank(n.filedOn())));
        return document(texts.text("report.doc.fileNote.title"), n.header(), blocks);
    }

    /** 备考表, the back cover: remarks on the file, who filed and checked it and when. */
    public PrintDocument backCover(FileNote n) {
        List<PrintBlock> blocks = new ArrayList<>();
        blocks.add(new Table(WIDE, List.of(), List.of(wideRow("report.doc.backCover.remarks", n.remarks(), 380))));
        blocks.add(new Table(FORM, List.of(), List.of(
                formRow("report.doc.filedBy", nullToEmpty(n.filedBy()), "report.doc.checkedBy",
                        nullToEmpty(n.checkedBy())),
                spanningRow("report.doc.filedOn", texts.date(n.filedOn())))));
        return document(texts.text("report.doc.backCover.title"), n.header(), blocks);
    }

    /** A scan or photo on its own pages: a picture under its caption, a PDF's pages as they are. */
    public PrintDocument attachment(AttachedFile file) {
        Attachment a = file.attachment();
        String note = a.note() == null || a.note().isBlank() ? "" : texts.text("report.doc.attachment.note", a.note());
        String caption = texts.text("report.doc.attachment.caption", attachmentKind(a.kind()), note,
                nullToEmpty(a.fileName()));
        return new PrintDocument(Style.DOCUMENT, Orientation.PORTRAIT, caption, List.of(),
                List.of(new BoundFile(a.mediaType(), file.content(), caption,
                        texts.text("report.doc.attachment.unreadable"))), null, true);
    }

    /** The cover of the 卷宗: no page number; what is not filled in is left on its line. */
    public PrintDocument cover(CaseFileCover c) {
        CaseHeader h = c.header();
        String title = c.title() != null ? c.title() : madeTitle(c);
        String period = c.acceptedOn() == null ? "" : texts.text("report.doc.cover.period", texts.date(c.acceptedOn()),
                texts.date(c.closedOn()));
        List<Field> fields = List.of(
                new Field(texts.text("report.doc.cover.name"), title),
                new Field(texts.text("report.doc.caseNumber"), nullToEmpty(h.caseNumber())),
                new Field(texts.text("report.doc.cover.committee"), h.committeeName()),
                new Field(texts.text("report.doc.mediators"), names(c.mediators())),
                new Field(texts.text("report.doc.cover.mediationPeriod"), period),
                new Field(texts.text("report.doc.outcome"), texts.outcome(c.outcome())),
                new Field(texts.text("report.doc.filedBy"), nullToEmpty(c.filedBy())),
                new Field(texts.text("report.doc.filedOn"), texts.date(c.filedOn())),
                new Field(texts.text("report.doc.retention"), c.retention() == null ? "" : retention(c.retention())));
        return new PrintDocument(Style.COVER, Orientation.PORTRAIT, texts.text("report.doc.cover.title"),
                List.of(h.jurisdiction()), List.of(new PrintBlock.Spacer(50), new FieldLines(fields)), null, false);
    }

    /** 卷名 made from the parties' names and the dispute type, as 立卷 practice names a file. */
    private String madeTitle(CaseFileCover c) {
        String parties = c.parties().stream().map(DocumentParty::name)
                .collect(Collectors.joining(texts.text("report.doc.cover.titleJoin")));
        return texts.text("report.doc.cover.madeTitle", parties, c.typeLabel(chinese));
    }

    /**
     * 卷内目录: all thirteen items with their date and the pages they take, numbered from the first
     * item on; an item that does not apply to the case is listed as 无.
     *
     * @param pages how many pages each item takes, in the order of {@code items}
     */
    public PrintDocument contents(CaseFileCover c, List<BoundItem> items, List<Integer> pages) {
        List<Row> rows = new ArrayList<>();
        int page = 1;
        for (int i = 0; i < items.size(); i++) {
            BoundItem item = items.get(i);
            int count = i < pages.size() ? pages.get(i) : 0;
            String range;
            if (!item.applies() || count == 0) {
                range = texts.text("report.doc.contents.none");
            } else {
                range = count == 1 ? Integer.toString(page)
                        : texts.text("report.doc.contents.pages", page, page + count - 1);
            }
            String remark = item.attachments() == 0 ? ""
                    : texts.text("report.doc.contents.attachments", item.attachments());
            rows.add(Row.of(List.of(Cell.of(Integer.toString(item.kind().number())), Cell.of(itemTitle(item.kind())),
                    Cell.of(item.applies() ? texts.date(item.date()) : ""), Cell.of(range), Cell.of(remark))));
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

    /** The title of an item as the 卷内目录 lists it. */
    public String itemTitle(DocumentKind kind) {
        return texts.text(switch (kind) {
            case APPLICATION -> "report.doc.application.title";
            case ACCEPTANCE -> "report.doc.acceptance.title";
            case RIGHTS_NOTICE -> "report.doc.rightsNotice.title";
            case INVESTIGATION -> "report.doc.investigation.title";
            case EVIDENCE -> "report.doc.evidence.title";
            case SESSION -> "report.doc.session.title";
            case AGREEMENT -> "report.doc.agreement.title";
            case ROUTES_NOTICE -> "report.doc.routesNotice.title";
            case JUDICIAL_CONFIRMATION -> "report.doc.judicial.title";
            case FOLLOW_UP -> "report.doc.followUp.title";
            case CLOSING_REPORT -> "report.doc.closing.title";
            case FILE_NOTE -> "report.doc.fileNote.title";
            case BACK_COVER -> "report.doc.backCover.title";
        });
    }

    private String consentWay(ConsentWay way) {
        return texts.text(switch (way) {
            case WRITTEN_APPLICATION -> "report.doc.consentWay.written";
            case SIGNED_REGISTRATION -> "report.doc.consentWay.signed";
            case ORAL -> "report.doc.consentWay.oral";
        });
    }

    private String route(OtherRoute route) {
        return texts.text(switch (route) {
            case ARBITRATION -> "report.doc.route.arbitration";
            case ADMINISTRATIVE -> "report.doc.route.administrative";
            case LITIGATION -> "report.doc.route.litigation";
        });
    }

    private String judicialResult(JudicialResult result) {
        return texts.text(switch (result) {
            case CONFIRMED -> "report.doc.judicial.confirmed";
            case REFUSED -> "report.doc.judicial.refused";
            case WITHDRAWN -> "report.doc.judicial.withdrawn";
            case DISMISSED -> "report.doc.judicial.dismissed";
        });
    }

    private String followUpWay(FollowUpWay way) {
        return texts.text(switch (way) {
            case VISIT -> "report.doc.visitWay.visit";
            case PHONE -> "report.doc.visitWay.phone";
            case OFFICE -> "report.doc.visitWay.office";
            case OTHER -> "report.doc.visitWay.other";
        });
    }

    private String prevention(PreventionKind kind) {
        return texts.text(switch (kind) {
            case SUICIDE -> "report.doc.prevention.suicide";
            case CRIMINAL_CASE -> "report.doc.prevention.criminal";
            case GROUP_PETITION -> "report.doc.prevention.petition";
            case GROUP_FIGHT -> "report.doc.prevention.fight";
        });
    }

    private String retention(Retention retention) {
        return texts.text(switch (retention) {
            case PERMANENT -> "report.doc.retention.permanent";
            case LONG -> "report.doc.retention.long";
            case SHORT -> "report.doc.retention.short";
        });
    }

    private String attachmentKind(AttachmentKind kind) {
        return texts.text(switch (kind) {
            case IDENTITY -> "report.doc.attachment.identity";
            case EVIDENCE -> "report.doc.attachment.evidence";
            case SIGNED_AGREEMENT -> "report.doc.attachment.signedAgreement";
            case PERFORMANCE_PROOF -> "report.doc.attachment.performanceProof";
            case COURT_PAPER -> "report.doc.attachment.courtPaper";
            case OTHER -> "report.doc.attachment.other";
        });
    }

    /** A line for each party to sign on, with their side and name. */
    private List<String> partySigners(List<DocumentParty> parties) {
        List<String> signers = new ArrayList<>();
        for (DocumentParty p : parties) {
            signers.add(texts.text("report.sign.party", texts.role(p.role()), p.name()));
        }
        if (parties.isEmpty()) {
            signers.add(texts.text("report.sign.parties"));
        }
        return signers;
    }

    /** The day, or 年 月 日 with room to write it in by hand. */
    private String dateOrBlank(LocalDate day) {
        return day == null ? texts.text("report.sign.blankDate") : texts.date(day);
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

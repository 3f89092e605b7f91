package cn.mediationdesk.logic.exchange;

import cn.mediationdesk.logic.ValidationException;
import cn.mediationdesk.logic.audit.AuditAction;
import cn.mediationdesk.logic.audit.AuditTrail;
import cn.mediationdesk.logic.exchange.PackageRejectedException.Reason;
import cn.mediationdesk.logic.organization.OrganizationLookup;
import cn.mediationdesk.logic.security.Access;
import cn.mediationdesk.logic.store.ExchangeRepository;
import cn.mediationdesk.logic.store.ExchangeRepository.Installation;
import cn.mediationdesk.logic.store.Store;
import cn.mediationdesk.logic.store.Tx;
import cn.mediationdesk.model.Committee;
import cn.mediationdesk.model.Problem;
import cn.mediationdesk.model.Problem.Field;
import cn.mediationdesk.model.User;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Exchange packages (DESIGN §6–7): a committee's office exports its organization and leads as a
 * signed file (encrypted for one office with its key), the governance office imports it — see
 * {@link PackageMerge} for the rules — and reads who has reported how far.
 *
 * <p>Roles (DESIGN §9): a package holds every case of a committee with full personal data, so an
 * export is for an administrator or that committee's director or mediator; importing, trusting a
 * sender's new key and handing out this office's key are for an administrator; the reporting status
 * shows no personal data and is open to every role.
 */
public final class PackageService {
    private final Store store;
    private final Clock clock;
    private final User actor;
    private final AuditTrail audit;

    public PackageService(Store store, Clock clock, User actor) {
        this.store = store;
        this.clock = clock;
        this.actor = actor;
        this.audit = AuditTrail.onThisPc(clock);
    }

    /** What an export wrote. */
    public record ExportResult(Path file, String committeeCode, String committeeName, int leads, LocalDate since,
                               LocalDate coversTo, String senderFingerprint, Optional<String> recipientFingerprint) {
    }

    /**
     * What an import did.
     *
     * @param alreadyImported the same file was imported before: nothing changed
     * @param firstContact    the committee's first package: its sender's key was registered
     * @param keyTrusted      the sender's new key replaced the registered one ({@code --trust-new-key})
     * @param committeeCreated the committee was new to this office and was created with its organization
     */
    public record ImportReport(String committeeCode, String committeeName, boolean alreadyImported,
                               boolean firstContact, boolean keyTrusted, boolean committeeCreated,
                               String senderFingerprint, int added, int updated, int unchanged, int skipped,
                               List<ConflictRow> conflicts, int auditEntries, LocalDate coversTo) {
    }

    /** A lead both offices changed; the package's version was kept, the receiver's is on file. */
    public record ConflictRow(UUID id, UUID leadId, String committeeCode, String committeeName, String label,
                              Instant detectedAt, int keptVersion, String keptState, int replacedVersion,
                              String replacedState, String differingFields, boolean open) {
    }

    /** One package received. */
    public record ReceivedRow(String committeeCode, String committeeName, Instant createdAt, Instant receivedAt,
                              LocalDate since, LocalDate coversTo, String senderFingerprint, int added, int updated,
                              int unchanged, int skipped, int conflicts) {
    }

    /**
     * One committee's reporting.
     *
     * @param lastReceivedAt null when it never sent a package
     * @param reportedThisMonth whether a package covers a day of the current month
     */
    public record CommitteeReporting(String code, String name, Instant lastReceivedAt, Instant lastCreatedAt,
                                     LocalDate coversTo, String fingerprint, int openConflicts,
                                     boolean reportedThisMonth) {
    }

    /**
     * The governance office's view: every committee, and those with nothing for the month.
     *
     * @param packagesInUse whether this office ever received a package (else the view has nothing to say)
     */
    public record ReportingStatus(YearMonth month, boolean packagesInUse, List<CommitteeReporting> committees,
                                  List<CommitteeReporting> silent) {
    }

    // ---- keys ----

    /** This installation's keys, made and stored the first time they are needed. */
    private InstallationKeys keys() {
        Optional<InstallationKeys> stored = store.read(tx -> tx.exchange().installation().map(PackageService::keys));
        return stored.orElseGet(() -> store.write(tx -> ensureKeys(tx, InstallationKeys.generate())));
    }

    private InstallationKeys ensureKeys(Tx tx, InstallationKeys fresh) {
        Optional<Installation> existing = tx.exchange().installation();
        if (existing.isPresent()) {
            return keys(existing.get());
        }
        InstallationKeys.StoredKeys s = fresh.toStored();
        tx.exchange().insertInstallation(new Installation(s.installationId(), s.signingPrivate(), s.signingPublic(),
                s.agreementPrivate(), s.agreementPublic(), clock.instant()));
        return fresh;
    }

    private static InstallationKeys keys(Installation i) {
        return InstallationKeys.fromStored(new InstallationKeys.StoredKeys(i.installationId(), i.signingPrivate(),
                i.signingPublic(), i.agreementPrivate(), i.agreementPublic()));
    }

    /** The fingerprint other offices see on this installation's packages and key. */
    public String ownFingerprint() {
        store.read(tx -> Access.current(tx, actor));
        return keys().fingerprint();
    }

    /**
     * Writes this office's public key, for committees to encrypt their packages for it ({@code --for}).
     * Administrators only; audited. Returns its fingerprint.
     */
    public String exportOfficeKey(Path out) {
        store.read(tx -> Access.requireAdmin(tx, actor));
        Path target = target(out);
        InstallationKeys keys = keys();
        return store.write(tx -> {
            User admin = Access.requireAdmin(tx, actor);
            String jurisdiction = jurisdiction(tx);
            writeAtomically(target, temp -> keys.publicPart(jurisdiction).writeTo(temp));
            audit.event(tx, admin.username(), AuditAction.PACKAGE_OFFICE_KEY, AuditTrail.DATABASE, null, null, null,
                    keys.fingerprint());
            return keys.fingerprint();
        });
    }

    // ---- export ----

    /** The committees {@link #export} accepts from the acting user: all for an administrator, else their own. */
    public List<Committee> exportableCommittees() {
        return store.read(tx -> {
            User user = Access.current(tx, actor);
            return tx.organization().committees().stream().filter(Committee::active)
                    .filter(c -> user.isAdmin() || java.util.Objects.equals(user.committeeId(), c.id())
                            && user.role() != cn.mediationdesk.model.Role.VIEWER)
                    .toList();
        });
    }

    /** Whether the acting user may import packages and hand out the office key: an administrator. */
    public boolean mayImport() {
        return actor != null && actor.isAdmin();
    }

    /**
     * Writes a package of one committee: its organization and its leads (all, or those found, changed or
     * audited on or after {@code since}), signed by this installation, encrypted for the office whose key
     * file is {@code officeKeyFile} when given. Audited.
     *
     * @throws ValidationException       for an unknown committee or an unusable target file
     * @throws PackageRejectedException  for a key file that is not an office key, or one of another jurisdiction
     */
    public ExportResult export(String committeeNameOrCode, LocalDate since, Path officeKeyFile, Path out) {
        store.read(tx -> Access.requireCase(tx, actor, committee(tx, committeeNameOrCode).id()));
        Path target = target(out);
        Optional<OfficeKey> recipient = Optional.ofNullable(officeKeyFile).map(OfficeKey::readFrom);
        InstallationKeys keys = keys();
        return store.write(tx -> {
            Committee committee = committee(tx, committeeNameOrCode);
            User user = Access.requireCase(tx, actor, committee.id());
            String jurisdiction = jurisdiction(tx);
            if (recipient.isPresent() && !jurisdiction.equals(recipient.get().jurisdiction())) {
                throw new PackageRejectedException(Reason.FOREIGN_JURISDICTION, officeKeyFile.toString(),
                        recipient.get().jurisdiction());
            }
            ZoneId zone = clock.getZone();
            Instant sinceStart = since == null ? null : since.atStartOfDay(zone).toInstant();
            List<UUID> ids = tx.exchange().leadIds(committee.id(), since, sinceStart);
            PackageContents contents = MonthlyExchange.addTo(tx, committee,
                    new LeadPacker(tx).pack(committee, ids, keys.installationId()));
            LocalDate coversTo = LocalDate.now(clock);
            PackageManifest manifest = new PackageManifest(1, keys.installationId(), jurisdiction,
                    committee.code(), committee.name(), clock.instant(), store.schemaVersion(), since, coversTo,
                    contents.counts(), Map.of(), null, null);
            writeAtomically(target, temp -> PackageWriter.write(temp, manifest, contents.toEntries(), keys, recipient));
            audit.event(tx, user.username(), AuditAction.PACKAGE_EXPORT, AuditTrail.COMMITTEE,
                    String.valueOf(committee.id()), null, committee.id(),
                    contents.leads().size() + (since == null ? "" : " since " + since)
                            + recipient.map(r -> " for " + r.fingerprint()).orElse(""));
            return new ExportResult(target, committee.code(), committee.name(), contents.leads().size(), since,
                    coversTo, keys.fingerprint(), recipient.map(OfficeKey::fingerprint));
        });
    }

    // ---- import ----

    /**
     * Merges a package into this database in one transaction (see {@link PackageMerge}); the same file
     * twice changes nothing. Administrators only; audited.
     *
     * @param trustNewKey accept (and record, audited) a key other than the one registered for the committee
     * @throws PackageRejectedException refused whole, nothing written: damaged, altered, unsigned, for another
     *                                  office, of another jurisdiction, of a newer schema, or signed by another key
     * @throws ValidationException      refused whole: a case or lead number another lead holds here
     */
    public ImportReport importPackage(Path file, boolean trustNewKey) {
        store.read(tx -> Access.requireAdmin(tx, actor));
        String name = file.toString();
        String digest = digest(file);
        // keys made for this import are stored with it, so that a refused import leaves nothing behind
        InstallationKeys fresh = store.read(tx -> tx.exchange().installation().map(PackageService::keys))
                .orElseGet(InstallationKeys::generate);
        OpenedPackage opened = PackageReader.read(file, fresh);
        PackageManifest manifest = opened.manifest();
        return store.bulkWrite(tx -> {
            User admin = Access.requireAdmin(tx, actor);
            ExchangeRepository exchange = tx.exchange();
            Optional<ExchangeRepository.ReceivedPackage> before = exchange.receivedPackage(digest);
            if (before.isPresent()) {
                ExchangeRepository.ReceivedPackage p = before.get();
                return new ImportReport(manifest.committeeCode(), manifest.committeeName(), true, false, false, false,
                        opened.senderFingerprint(), 0, 0, 0, 0, List.of(), 0, p.coversTo());
            }
            String jurisdiction = jurisdiction(tx);
            if (!jurisdiction.equals(manifest.jurisdiction())) {
                throw new PackageRejectedException(Reason.FOREIGN_JURISDICTION, name, manifest.jurisdiction());
            }
            if (compareVersions(manifest.schemaVersion(), store.schemaVersion()) > 0) {
                throw new PackageRejectedException(Reason.NEWER_SCHEMA, name,
                        manifest.schemaVersion() + " > " + store.schemaVersion());
            }
            PackageContents contents = PackageContents.fromEntries(opened.entries(), name);
            if (!contents.organization().committee().code().equals(manifest.committeeCode())) {
                throw new PackageRejectedException(Reason.WRONG_COMMITTEE, name, contents.organization().committee().code());
            }
            ensureKeys(tx, fresh);
            String senderKey = Base64.getEncoder().encodeToString(opened.senderSigningKey().getEncoded());
            Optional<Committee> known = PackageMerge.findCommittee(tx, contents.organization().committee());
            Optional<ExchangeRepository.Sender> registered = known.flatMap(c -> exchange.sender(c.id()));
            boolean keyTrusted = false;
            if (registered.isPresent() && !registered.get().signingPublic().equals(senderKey)) {
                if (!trustNewKey) {
                    throw new PackageRejectedException(Reason.KEY_CHANGED, name,
                            registered.get().fingerprint() + " → " + opened.senderFingerprint());
                }
                keyTrusted = true;
            }
            Instant now = clock.instant();
            PackageMerge merge = new PackageMerge(tx, audit, admin.username(), now, LocalDate.now(clock), name, digest,
                    manifest.installationId());
            merge.contents(contents.contents());
            Committee committee = merge.organization(contents.organization());
            merge.checkNumbers(committee, contents.leads());
            merge.leads(committee, contents.leads());
            MonthlyExchange.merge(tx, committee, contents, name);
            int auditEntries = merge.auditHistory(committee, contents.audit());
            if (keyTrusted) {
                audit.event(tx, admin.username(), AuditAction.PACKAGE_TRUST_KEY, AuditTrail.COMMITTEE,
                        String.valueOf(committee.id()), null, committee.id(),
                        registered.get().fingerprint() + " → " + opened.senderFingerprint());
            }
            registerSender(exchange, committee, registered, manifest, opened, senderKey, digest, now);
            exchange.insertReceivedPackage(new ExchangeRepository.ReceivedPackage(digest, committee.id(),
                    manifest.installationId(), opened.senderFingerprint(), manifest.created(), manifest.since(),
                    manifest.coversTo(), now, admin.username(), merge.count(PackageMerge.Merged.ADDED),
                    merge.count(PackageMerge.Merged.UPDATED), merge.count(PackageMerge.Merged.UNCHANGED),
                    merge.count(PackageMerge.Merged.SKIPPED), merge.count(PackageMerge.Merged.CONFLICT)));
            audit.event(tx, admin.username(), AuditAction.PACKAGE_IMPORT, AuditTrail.COMMITTEE,
                    String.valueOf(committee.id()), null, committee.id(), String.format(
                            "%s: +%d ~%d =%d skipped %d conflicts %d, from %s", digest,
                            merge.count(PackageMerge.Merged.ADDED), merge.count(PackageMerge.Merged.UPDATED),
                            merge.count(PackageMerge.Merged.UNCHANGED), merge.count(PackageMerge.Merged.SKIPPED),
                            merge.count(PackageMerge.Merged.CONFLICT), opened.senderFingerprint()));
            List<ConflictRow> conflicts = merge.conflicts().stream().map(c -> row(c, committee)).toList();
            return new ImportReport(committee.code(), committee.name(), false, registered.isEmpty(), keyTrusted,
                    merge.committeeCreated(), opened.senderFingerprint(), merge.count(PackageMerge.Merged.ADDED),
                    merge.count(PackageMerge.Merged.UPDATED), merge.count(PackageMerge.Merged.UNCHANGED),
                    merge.count(PackageMerge.Merged.SKIPPED), conflicts, auditEntries, manifest.coversTo());
        });
    }

    /**
     * The fingerprint a package was signed with, for a person to compare before trusting a new key.
     * Administrators only.
     */
    public String senderFingerprint(Path file) {
        store.read(tx -> Access.requireAdmin(tx, actor));
        InstallationKeys receiver = store.read(tx -> tx.exchange().installation().map(PackageService::keys))
                .orElseGet(InstallationKeys::generate);
        return PackageReader.read(file, receiver).senderFingerprint();
    }

    private static void registerSender(ExchangeRepository exchange, Committee committee,
                                       Optional<ExchangeRepository.Sender> registered, PackageManifest manifest,
                                       OpenedPackage opened, String senderKey, String digest, Instant now) {
        Instant lastCreated = manifest.created();
        LocalDate coversTo = manifest.coversTo();
        Instant firstSeen = now;
        String lastDigest = digest;
        if (registered.isPresent()) {
            ExchangeRepository.Sender before = registered.get();
            firstSeen = before.signingPublic().equals(senderKey) ? before.firstSeenAt() : now;
            // a package arriving late never moves the reporting back
            if (before.lastCreatedAt().isAfter(lastCreated)) {
                lastCreated = before.lastCreatedAt();
                lastDigest = before.lastPackageDigest();
            }
            if (before.coversTo() != null && (coversTo == null || before.coversTo().isAfter(coversTo))) {
                coversTo = before.coversTo();
            }
        }
        exchange.saveSender(new ExchangeRepository.Sender(committee.id(), manifest.installationId(),
                opened.senderFingerprint(), senderKey, firstSeen, lastCreated, coversTo, now, lastDigest));
    }

    // ---- reporting ----

    /**
     * Per committee: the last package, the day it covers, the sender's key, open conflicts. Every role
     * may read it, and like any aggregate figure it needs no account on the command line.
     */
    public ReportingStatus status() {
        return store.read(tx -> {
            if (actor != null) {
                Access.current(tx, actor);
            }
            ExchangeRepository exchange = tx.exchange();
            Map<Long, ExchangeRepository.Sender> senders = new HashMap<>();
            exchange.senders().forEach(s -> senders.put(s.committeeId(), s));
            Map<Long, Integer> open = new HashMap<>();
            exchange.conflicts(true).forEach(c -> open.merge(c.committeeId(), 1, Integer::sum));
            YearMonth month = YearMonth.now(clock);
            List<CommitteeReporting> rows = new ArrayList<>();
            for (Committee committee : tx.organization().committees()) {
                ExchangeRepository.Sender sender = senders.get(committee.id());
                if (!committee.active() && sender == null) {
                    continue;
                }
                boolean reported = sender != null && sender.coversTo() != null
                        && !sender.coversTo().isBefore(month.atDay(1));
                rows.add(new CommitteeReporting(committee.code(), committee.name(),
                        sender == null ? null : sender.lastReceivedAt(), sender == null ? null : sender.lastCreatedAt(),
                        sender == null ? null : sender.coversTo(), sender == null ? null : sender.fingerprint(),
                        open.getOrDefault(committee.id(), 0), reported));
            }
            List<CommitteeReporting> silent = rows.stream().filter(r -> !r.reportedThisMonth()).toList();
            return new ReportingStatus(month, exchange.receivedPackageCount() > 0, rows, silent);
        });
    }

    /** The packages received, newest first; every role may read it (no personal data). */
    public List<ReceivedRow> received() {
        return store.read(tx -> {
            Access.current(tx, actor);
            Map<Long, Committee> committees = committees(tx);
            return tx.exchange().receivedPackages().stream().map(p -> {
                Committee c = committees.get(p.committeeId());
                return new ReceivedRow(c.code(), c.name(), p.createdAt(), p.receivedAt(), p.since(), p.coversTo(),
                        p.senderFingerprint(), p.added(), p.updated(), p.unchanged(), p.skipped(), p.conflicts());
            }).toList();
        });
    }

    /** The conflicts, newest first (only those not yet reviewed when {@code openOnly}); every role may read them. */
    public List<ConflictRow> conflicts(boolean openOnly) {
        return store.read(tx -> {
            Access.current(tx, actor);
            Map<Long, Committee> committees = committees(tx);
            return tx.exchange().conflicts(openOnly).stream().map(c -> row(c, committees.get(c.committeeId()))).toList();
        });
    }

    /** Marks a conflict reviewed by a person; administrators only, audited. */
    public void markReviewed(UUID conflictId) {
        store.write(tx -> {
            User admin = Access.requireAdmin(tx, actor);
            ExchangeRepository.Conflict conflict = tx.exchange().conflict(conflictId)
                    .orElseThrow(() -> new ValidationException(Problem.of(Field.LEAD, "exchange.conflict.unknown")));
            if (tx.exchange().markReviewed(conflictId, admin.username(), clock.instant())) {
                audit.event(tx, admin.username(), AuditAction.PACKAGE_CONFLICT_REVIEWED, AuditTrail.LEAD,
                        conflict.leadId().toString(), conflict.leadId(), conflict.committeeId(), conflict.label());
            }
            return null;
        });
    }

    private static ConflictRow row(ExchangeRepository.Conflict c, Committee committee) {
        return new ConflictRow(c.id(), c.leadId(), committee.code(), committee.name(), c.label(), c.detectedAt(),
                c.keptVersion(), c.keptState(), c.replacedVersion(), c.replacedState(), c.differingFields(), c.open());
    }

    // ---- helpers ----

    private static Map<Long, Committee> committees(Tx tx) {
        Map<Long, Committee> committees = new HashMap<>();
        tx.organization().committees().forEach(c -> committees.put(c.id(), c));
        return committees;
    }

    private static Committee committee(Tx tx, String nameOrCode) {
        if (nameOrCode == null || nameOrCode.isBlank()) {
            throw new ValidationException(Problem.of(Field.COMMITTEE, "exchange.committeeNeeded"));
        }
        return OrganizationLookup.committee(tx.organization().committees(), nameOrCode)
                .orElseThrow(() -> new ValidationException(Problem.of(Field.COMMITTEE, "exchange.unknownCommittee",
                        nameOrCode.strip())));
    }

    private static String jurisdiction(Tx tx) {
        return tx.organization().jurisdiction().map(j -> j.name())
                .orElseThrow(() -> new ValidationException(Problem.of(Field.JURISDICTION, "exchange.noJurisdiction")));
    }

    /** Compares dotted migration versions ({@code 8}, {@code 10}, {@code 8.1}) by number; a blank one is oldest. */
    static int compareVersions(String a, String b) {
        String[] left = a == null || a.isBlank() ? new String[0] : a.strip().split("\\.");
        String[] right = b == null || b.isBlank() ? new String[0] : b.strip().split("\\.");
        for (int i = 0; i < Math.max(left.length, right.length); i++) {
            long l = i < left.length ? parse(left[i]) : 0;
            long r = i < right.length ? parse(right[i]) : 0;
            if (l != r) {
                return Long.compare(l, r);
            }
        }
        return 0;
    }

    private static long parse(String part) {
        try {
            return Long.parseLong(part);
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE; // a version this one cannot read is newer than any it knows
        }
    }

    private static Path target(Path out) {
        Path file = out.toAbsolutePath().normalize();
        if (Files.isDirectory(file)) {
            throw new ValidationException(Problem.of(Field.FILE, "exchange.targetIsFolder", file));
        }
        if (file.getParent() == null || !Files.isDirectory(file.getParent())) {
            throw new ValidationException(Problem.of(Field.FILE, "exchange.noFolder", file.getParent()));
        }
        return file;
    }

    /** Writes into a file beside the target and moves it into place, so that a failure leaves no half file. */
    private static void writeAtomically(Path target, java.util.function.Consumer<Path> write) {
        Path temp = target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".part");
        try {
            write.accept(temp);
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // the move failed already and says why
            }
        }
    }

    /** SHA-256 of the file as received: the same file imported twice is the same package. */
    private static String digest(Path file) {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (java.nio.file.NoSuchFileException e) {
            throw new ValidationException(Problem.of(Field.FILE, "exchange.noFile", file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java", e);
        }
    }
}

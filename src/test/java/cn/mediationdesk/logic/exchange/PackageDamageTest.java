package cn.mediationdesk.logic.exchange;

import cn.mediationdesk.logic.exchange.PackageFixtures.Region;
import cn.mediationdesk.logic.exchange.PackageRejectedException.Reason;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import static cn.mediationdesk.logic.exchange.PackageFixtures.GOVERNANCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** A package cut short or with one byte changed anywhere is refused for the right reason, and never read. */
class PackageDamageTest {
    @TempDir
    Path folder;

    @Test
    void aPlainPackageCutShortAtEveryOffsetIsRefusedAsTruncated() {
        assertEveryCutIsTruncated(PackageFixtures.bytes(PackageFixtures.plain(folder)));
    }

    @Test
    void anEncryptedPackageCutShortAtEveryOffsetIsRefusedAsTruncated() {
        assertEveryCutIsTruncated(PackageFixtures.bytes(PackageFixtures.encrypted(folder)));
    }

    /** The same for packages of any size and content, cut anywhere (the tests above take one package whole). */
    @Property(tries = 60)
    void anyPackageCutAnywhereIsRefusedAsTruncated(@ForAll @IntRange(min = 0, max = 200_000) int size,
                                                   @ForAll @IntRange(min = 0, max = 1_000_000) int cutPerMillion,
                                                   @ForAll boolean encrypted) throws IOException {
        Path dir = Files.createTempDirectory("cut");
        try {
            byte[] content = new byte[size];
            new java.util.Random(size).nextBytes(content);
            Arrays.fill(content, 0, size / 2, (byte) 'a'); // half compressible, half not
            Path file = dir.resolve("p.mdpkg");
            PackageWriter.write(file, PackageFixtures.manifest(PackageFixtures.COMMITTEE),
                    Map.of("leads.json", content, "parties.json", new byte[] {1, 2}), PackageFixtures.COMMITTEE,
                    encrypted ? java.util.Optional.of(GOVERNANCE.publicPart("城关镇")) : java.util.Optional.empty());
            byte[] whole = Files.readAllBytes(file);
            int cut = (int) ((long) (whole.length - 1) * cutPerMillion / 1_000_000);
            Path cutFile = PackageFixtures.write(dir.resolve("cut.mdpkg"), Arrays.copyOf(whole, cut));
            assertThat(refusal(cutFile).reason()).as("cut at %d of %d", cut, whole.length).isEqualTo(Reason.TRUNCATED);
        } finally {
            try (var files = Files.list(dir)) {
                for (Path path : files.toList()) {
                    Files.delete(path);
                }
            }
            Files.delete(dir);
        }
    }

    private void assertEveryCutIsTruncated(byte[] whole) {
        Path cutFile = folder.resolve("cut.mdpkg");
        for (int cut = 0; cut < whole.length; cut++) {
            PackageFixtures.write(cutFile, Arrays.copyOf(whole, cut));
            assertThat(refusal(cutFile).reason()).as("cut at %d of %d", cut, whole.length).isEqualTo(Reason.TRUNCATED);
        }
    }

    /**
     * Deflate pads its blocks to whole bytes, so a few changed bits change nothing that is read: those
     * packages open with exactly the signed content. Every other change is refused as altered.
     */
    @Test
    void oneByteChangedInAnyEntryOfAPlainPackageIsRefusedAsAlteredUnlessTheContentReadIsTheSame() {
        byte[] whole = PackageFixtures.bytes(PackageFixtures.plain(folder));
        Path changedFile = folder.resolve("changed.mdpkg");
        int refused = 0;
        for (Region region : PackageFixtures.regions(whole)) {
            if (!region.name().startsWith("data/")) {
                continue;
            }
            for (int at = region.start(); at < region.start() + region.length(); at += step(region)) {
                byte[] changed = whole.clone();
                changed[at] ^= (byte) 0x10;
                PackageFixtures.write(changedFile, changed);
                Throwable thrown = catchThrowable(() -> assertReadsAsWritten(changedFile));
                if (thrown != null) {
                    assertThat(thrown).as("%s byte %d", region.name(), at - region.start())
                            .isInstanceOf(PackageRejectedException.class);
                    assertThat(((PackageRejectedException) thrown).reason()).isEqualTo(Reason.ALTERED);
                    assertThat(((PackageRejectedException) thrown).detail()).contains(region.name());
                    refused++;
                }
            }
        }
        assertThat(refused).isPositive();
    }

    @Test
    void aChangedByteInTheMiddleOfAnEntryIsRefusedNamingTheEntry() {
        byte[] whole = PackageFixtures.bytes(PackageFixtures.plain(folder));
        Region leads = PackageFixtures.region(whole, "data/leads.json");
        byte[] changed = whole.clone();
        changed[leads.start() + leads.length() / 2] ^= 0x01;

        PackageRejectedException refused = refusal(PackageFixtures.write(folder.resolve("x.mdpkg"), changed));

        assertThat(refused.reason()).isEqualTo(Reason.ALTERED);
        assertThat(refused.detail()).contains("data/leads.json");
    }

    @Test
    void oneByteChangedInTheSealedBlobIsRefusedAsAlteredBeforeDecrypting() {
        byte[] whole = PackageFixtures.bytes(PackageFixtures.encrypted(folder));
        Region sealed = PackageFixtures.region(whole, "data.sealed");
        assertEveryFlipIn(whole, sealed, EnumSet.of(Reason.ALTERED));
        // Refused for the blob's digest in the manifest, not for the decryption that never happened.
        byte[] changed = whole.clone();
        changed[sealed.start() + 5] ^= 1;
        assertThat(refusal(PackageFixtures.write(folder.resolve("x.mdpkg"), changed)).detail())
                .contains("data.sealed", "differs from what was signed");
    }

    @Test
    void oneByteChangedInTheSignatureIsABadSignature() {
        for (Path file : new Path[] {PackageFixtures.plain(folder), PackageFixtures.encrypted(folder)}) {
            byte[] whole = PackageFixtures.bytes(file);
            assertEveryFlipIn(whole, PackageFixtures.region(whole, "manifest.sig"), EnumSet.of(Reason.BAD_SIGNATURE));
        }
    }

    /**
     * A manifest changed anywhere no longer matches its signature; the only other answer is a format
     * version changed upwards, which is refused before the signature (a newer format may sign otherwise).
     */
    @Test
    void oneByteChangedInTheManifestIsABadSignature() {
        for (Path file : new Path[] {PackageFixtures.plain(folder), PackageFixtures.encrypted(folder)}) {
            byte[] whole = PackageFixtures.bytes(file);
            assertEveryFlipIn(whole, PackageFixtures.region(whole, "manifest.json"),
                    EnumSet.of(Reason.BAD_SIGNATURE, Reason.NEWER_FORMAT));
        }
    }

    @Test
    void aChangedCountOrCommitteeInTheManifestIsABadSignature() {
        byte[] whole = PackageFixtures.bytes(PackageFixtures.plain(folder));
        for (String[] change : new String[][] {{"\"leads\" : 2", "\"leads\" : 9"}, {"CG-01", "CG-02"}}) {
            byte[] changed = replace(whole, change[0], change[1]);
            assertThat(refusal(PackageFixtures.write(folder.resolve("x.mdpkg"), changed)).reason())
                    .as(change[1]).isEqualTo(Reason.BAD_SIGNATURE);
        }
    }

    /**
     * Anywhere else (headers, the directory) a changed byte is refused or changes nothing that is
     * read (a time stamp, say); never does anything but a {@link PackageRejectedException} come out.
     */
    @Test
    void oneByteChangedAnywhereIsRefusedOrHarmlessAndNeverThrowsAnythingElse() {
        for (Path file : new Path[] {PackageFixtures.plain(folder), PackageFixtures.encrypted(folder)}) {
            byte[] whole = PackageFixtures.bytes(file);
            Path changedFile = folder.resolve("changed.mdpkg");
            Set<Integer> sampled = new java.util.TreeSet<>();
            for (int at = 0; at < whole.length; at++) {
                sampled.add(at);
            }
            // Every header and directory byte; one in 16 of the manifest and the data, which the tests above cover.
            for (Region region : PackageFixtures.regions(whole)) {
                if (!region.name().equals("manifest.sig")) {
                    for (int at = region.start(); at < region.start() + region.length(); at++) {
                        if ((at - region.start()) % 16 != 0) {
                            sampled.remove(at);
                        }
                    }
                }
            }
            for (int at : sampled) {
                byte[] changed = whole.clone();
                changed[at] ^= (byte) 0x41;
                PackageFixtures.write(changedFile, changed);
                Throwable thrown = catchThrowable(() -> assertReadsAsWritten(changedFile));
                assertThat(thrown).as("byte %d of %s", at, file.getFileName())
                        .satisfiesAnyOf(t -> assertThat(t).isNull(),
                                t -> assertThat(t).isInstanceOf(PackageRejectedException.class));
            }
        }
    }

    /** Every byte of small regions, a sample of large ones: each read costs a few milliseconds. */
    private static int step(Region region) {
        return Math.max(1, region.length() / 200);
    }

    private void assertReadsAsWritten(Path file) {
        assertThat(PackageReader.read(file, GOVERNANCE).entries())
                .containsOnlyKeys(PackageFixtures.entries().keySet())
                .allSatisfy((name, bytes) -> assertThat(bytes).isEqualTo(PackageFixtures.entries().get(name)));
    }

    private void assertEveryFlipIn(byte[] whole, Region region, Set<Reason> expected) {
        Path changedFile = folder.resolve("changed.mdpkg");
        for (int at = region.start(); at < region.start() + region.length(); at += step(region)) {
            for (int bit : new int[] {0x01, 0x80}) {
                byte[] changed = whole.clone();
                changed[at] ^= (byte) bit;
                PackageFixtures.write(changedFile, changed);
                assertThat(refusal(changedFile).reason()).as("%s byte %d bit %x", region.name(), at - region.start(), bit)
                        .isIn(expected);
            }
        }
    }

    private static byte[] replace(byte[] whole, String from, String to) {
        String text = new String(whole, StandardCharsets.ISO_8859_1);
        assertThat(text).contains(from);
        return text.replace(from, to).getBytes(StandardCharsets.ISO_8859_1);
    }

    static PackageRejectedException refusal(Path file) {
        Throwable thrown = catchThrowable(() -> PackageReader.read(file, GOVERNANCE));
        assertThat(thrown).isInstanceOf(PackageRejectedException.class);
        return (PackageRejectedException) thrown;
    }
}

package cn.mediationdesk.logic.exchange;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import static cn.mediationdesk.logic.exchange.PackageFixtures.COMMITTEE;
import static cn.mediationdesk.logic.exchange.PackageFixtures.GOVERNANCE;
import static org.assertj.core.api.Assertions.assertThat;

class PackageRoundTripPropertiesTest {
    /** Whatever the entries, in clear or sealed, they come back byte for byte and nothing else with them. */
    @Property(tries = 60)
    void anyEntriesComeBackByteForByte(@ForAll("entries") Map<String, byte[]> entries, @ForAll boolean encrypted)
            throws IOException {
        Path folder = Files.createTempDirectory("roundtrip");
        Path file = folder.resolve("p.mdpkg");
        try {
            PackageWriter.write(file, PackageFixtures.manifest(COMMITTEE), entries, COMMITTEE,
                    encrypted ? Optional.of(GOVERNANCE.publicPart("城关镇")) : Optional.empty());

            OpenedPackage opened = PackageReader.read(file, GOVERNANCE);

            assertThat(opened.entries()).containsOnlyKeys(entries.keySet());
            entries.forEach((name, bytes) -> assertThat(opened.entries().get(name)).isEqualTo(bytes));
            assertThat(opened.manifest().encrypted()).isEqualTo(encrypted);
        } finally {
            Files.deleteIfExists(file);
            Files.delete(folder);
        }
    }

    @Provide
    Arbitrary<Map<String, byte[]>> entries() {
        Arbitrary<String> names = Arbitraries.strings().withChars("abcXYZ019_-.").ofMinLength(1).ofMaxLength(20)
                .map(name -> "e" + name).filter(PackageLayout::validEntryName);
        Arbitrary<byte[]> contents = Arbitraries.bytes().array(byte[].class).ofMaxSize(5000);
        return Arbitraries.maps(names, contents).ofMaxSize(8);
    }
}

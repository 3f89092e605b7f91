package cn.mediationdesk.persistence;

import cn.mediationdesk.model.Community;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * DESIGN §10: "a crash or power cut at any moment loses at most the change being saved". A child
 * JVM commits rows as fast as it can and acknowledges each one after its commit returned; it is
 * killed (SIGKILL, no shutdown hooks) mid-stream, and every acknowledged row must be there. This
 * fails when H2 delays its writes (its default WRITE_DELAY of 500 ms). Between rounds this JVM opens
 * and closes the database, so a close that leaves the file locked fails the next round too.
 */
class DurabilityTest {
    /** Acknowledgements to wait for before each kill: the first round kills early, the others later. */
    private static final int[] ROUNDS = {40, 300, 150};

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES) // a guard against a hung child, not a performance bound
    void everyAcknowledgedCommitSurvivesAKilledProcess() throws Exception {
        String location = dir.resolve("durable").toString();
        List<String> acknowledged = new ArrayList<>();
        for (int round = 0; round < ROUNDS.length; round++) {
            List<String> acks = writeUntilKilled(location, "R" + round + "-", ROUNDS[round]);
            acknowledged.addAll(acks);

            try (Database db = Database.open(location)) {
                Set<String> stored = db.read(tx -> tx.organization().communities()).stream()
                        .map(Community::code).collect(Collectors.toSet());
                assertThat(stored).as("after kill %d", round + 1).containsAll(acknowledged);
                // Rows written after the last acknowledgement we read may be there too (the writer runs on
                // until killed), but commits are kept in order: no round has a gap.
                for (int r = 0; r <= round; r++) {
                    String prefix = "R" + r + "-";
                    long kept = stored.stream().filter(code -> code.startsWith(prefix)).count();
                    for (int i = 1; i <= kept; i++) {
                        assertThat(stored).as("after kill %d", round + 1).contains(prefix + i);
                    }
                }
            }
        }
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void databaseOpensCleanlyAndTakesWritesAfterTheKill() throws Exception {
        String location = dir.resolve("reopened").toString();
        List<String> acks = writeUntilKilled(location, "K", 100);

        try (Database db = Database.open(location)) {
            long id = db.write(tx -> tx.organization().insertCommunity("AFTER", "重启后社区"));
            List<Community> communities = db.read(tx -> tx.organization().communities());
            assertThat(communities).extracting(Community::code).contains("AFTER").containsAll(acks);
            assertThat(id).isPositive();
        }
        try (Database db = Database.open(location)) {
            List<Community> communities = db.read(tx -> tx.organization().communities());
            assertThat(communities).extracting(Community::code).contains("AFTER");
        }
    }

    /** Starts the writer, reads its acknowledgements until {@code wanted}, then kills it hard. */
    private List<String> writeUntilKilled(String location, String prefix, int wanted) throws IOException,
            InterruptedException {
        Path logConfig = dir.resolve("logback-quiet.xml");
        Files.writeString(logConfig, """
                <configuration>
                  <appender name="ERR" class="ch.qos.logback.core.ConsoleAppender">
                    <target>System.err</target>
                    <encoder><pattern>%level %logger - %msg%n</pattern></encoder>
                  </appender>
                  <root level="WARN"><appender-ref ref="ERR"/></root>
                </configuration>
                """);
        Path stderr = dir.resolve(prefix + "stderr.txt");
        String java = ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "-Dlogback.configurationFile=" + logConfig,
                "-Dmediationdesk.settings=" + System.getProperty("mediationdesk.settings", dir.resolve("settings").toString()),
                CommitWriterMain.class.getName(), location, prefix)
                .redirectError(stderr.toFile())
                .start();
        List<String> acks = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while (acks.size() < wanted && (line = out.readLine()) != null) {
                if (line.startsWith(CommitWriterMain.ACK)) {
                    acks.add(line.substring(CommitWriterMain.ACK.length()).strip());
                }
            }
            if (acks.size() < wanted) {
                child.waitFor();
                fail("the writer stopped after %d acknowledgements (exit %d): %s", acks.size(), child.exitValue(),
                        Files.readString(stderr));
            }
            child.destroyForcibly();   // SIGKILL on Unix: no shutdown hook, no orderly close of the database
            child.waitFor();
        } finally {
            child.destroyForcibly();
        }
        assertThat(child.isAlive()).isFalse();
        return acks;
    }
}

package cn.mediationdesk.benchmark;

import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs {@link TallyBenchmark} (or, with {@code -Dbenchmark=LedgerSearchBenchmark}, the benchmark
 * named) with a small number of iterations. {@code -Dleads=N} sets the size (default 1,000,000);
 * see docs/benchmarks.md for the command line.
 */
public final class BenchmarkMain {
    private BenchmarkMain() {
    }

    public static void main(String[] args) throws RunnerException {
        Options options = new OptionsBuilder()
                .include(System.getProperty("benchmark", TallyBenchmark.class.getSimpleName()))
                .param("leads", System.getProperty("leads", "1000000"))
                .jvmArgsAppend("-Dbenchmark.dir=" + System.getProperty("benchmark.dir",
                        System.getProperty("java.io.tmpdir") + "/mediationdesk-benchmark"))
                .forks(1)
                .warmupIterations(2)
                .warmupTime(TimeValue.seconds(10))
                .measurementIterations(3)
                .measurementTime(TimeValue.seconds(10))
                .build();
        new Runner(options).run();
    }
}

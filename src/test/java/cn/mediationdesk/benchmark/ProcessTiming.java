package cn.mediationdesk.benchmark;

import java.util.List;

/**
 * A set of whole-process timings the benchmark report runs for each size besides the JMH benchmarks.
 * An implementation has a public no-argument constructor.
 */
public interface ProcessTiming {
    List<ProcessFigure> measure(int leads) throws Exception;
}

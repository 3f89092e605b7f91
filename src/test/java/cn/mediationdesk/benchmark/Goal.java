package cn.mediationdesk.benchmark;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What a JMH benchmark method must achieve at 1,000,000 leads (issue 12), read by the benchmark
 * report: an absolute limit and a limit relative to its floor, a benchmark method of the same class
 * that does the least any implementation must do for the same answer, measured in the same run.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Goal {
    /** The figure's name in the report's table, in English ("Summary by committee, one year"). */
    String what();

    /** The limit at 1,000,000 leads in milliseconds per operation; 0 when there is none. */
    double millis() default 0;

    /** The limit as a multiple of the floor's time; 0 when there is none. */
    double ratio() default 0;

    /** The name of the {@code @Benchmark} method of the same class that measures the floor; empty when there is none. */
    String floor() default "";
}

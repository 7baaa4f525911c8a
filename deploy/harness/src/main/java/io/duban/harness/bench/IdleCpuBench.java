package io.duban.harness.bench;

import org.springframework.context.ConfigurableApplicationContext;

import java.io.PrintStream;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;

/**
 * The CPU of an idle node: nothing is requested for {@code --idle-seconds} and the process's CPU time is divided by
 * the wall time, as a percentage of one core. Taken after start-up (nothing is due on a fresh node) and after the
 * load (before the scale run, once every processor has caught up), where whatever the phases left running shows:
 * pollers, token claims, the chain of hashes, Quartz, the bot.
 */
final class IdleCpuBench {

    private final BenchOptions options;
    private final BenchResult result;
    private final PrintStream out;

    IdleCpuBench(BenchOptions options, BenchResult result, PrintStream out) {
        this.options = options;
        this.result = result;
        this.out = out;
    }

    void measureAfterLoad(ConfigurableApplicationContext app) throws InterruptedException {
        if (options.idleSeconds() == 0) {
            return;
        }
        boolean quiet = ConsoleBench.awaitEveryProcessor(app, Duration.ofMinutes(5));
        result.detail("idleAfterLoadProcessorsCaughtUp", quiet);
        measure(quiet ? "after the load" : "after the load (processors still catching up)");
    }

    void measure(String when) throws InterruptedException {
        if (options.idleSeconds() == 0) {
            return;
        }
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        long jitBefore = jit.getTotalCompilationTime();
        long cpuBefore = BenchRun.processCpuNanos();
        long start = System.nanoTime();
        Thread.sleep(options.idleSeconds() * 1_000L);
        long wall = System.nanoTime() - start;
        double percent = 100.0 * (BenchRun.processCpuNanos() - cpuBefore) / wall;
        // the JIT compiler keeps compiling what the periodic work runs for a long while after start-up (methods run
        // every few seconds reach the compile thresholds only after minutes): its share, so the figure can be read
        double jitPercent = 100.0 * (jit.getTotalCompilationTime() - jitBefore) * 1_000_000L / wall;
        result.figure("idle node CPU over " + options.idleSeconds() + " s " + when + ": % of a core", percent, "%",
                "<", Targets.IDLE_CPU_PERCENT);
        result.figure("idle node CPU " + when + ": of which JIT compilation", jitPercent, "%");
        out.printf("idle: %.2f %% of a core over %d s %s (JIT compilation %.2f %%)%n", percent,
                options.idleSeconds(), when, jitPercent);
    }
}

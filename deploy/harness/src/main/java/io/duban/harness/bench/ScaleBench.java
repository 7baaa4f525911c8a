package io.duban.harness.bench;

import java.io.PrintStream;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.duban.command.api.Actor;
import io.duban.command.api.Channel;
import io.duban.command.api.CommitmentId;
import io.duban.command.api.CommitmentRegistered;
import io.duban.command.api.ImportPolicy;
import io.duban.command.api.Milestone;
import io.duban.command.api.ProgressReported;
import io.duban.command.api.ResponsiblePerson;
import io.duban.command.api.ResponsibleUnit;
import io.duban.command.api.Role;
import io.duban.command.api.SupportItem;
import io.duban.command.catalog.BundledPolicyProperties;
import io.duban.query.rebuild.ViewRebuilder;
import io.duban.query.rebuild.ViewStatus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The scale run: seeds {@code --scale-events} more events (one registration and nine progress reports per
 * commitment, the same messages the aggregate applies, appended through Axon's own event store in batches — commands
 * would take hours at this size), then rebuilds every view for at most {@code --scale-seconds} and reports the replay
 * rate from the rebuild's own progress, the estimated time for the whole log, and the memory used at that size.
 */
final class ScaleBench {

    static final int EVENTS_PER_COMMITMENT = 10;
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final BenchOptions options;
    private final BenchResult result;
    private final PrintStream out;

    ScaleBench(BenchOptions options, BenchResult result, PrintStream out) {
        this.options = options;
        this.result = result;
        this.out = out;
    }

    void run(ConfigurableApplicationContext app, List<SupportItem> items) throws Exception {
        EventStore eventStore = app.getBean(EventStore.class);
        CommandGateway commands = app.getBean(CommandGateway.class);
        EventProcessingConfiguration processing = app.getBean(EventProcessingConfiguration.class);
        ViewRebuilder rebuilder = app.getBean(ViewRebuilder.class);
        BundledPolicyProperties bundled = app.getBean(BundledPolicyProperties.class);
        String text = BundledPolicyText.of(bundled);
        long commitments = (options.scaleEvents() + EVENTS_PER_COMMITMENT - 1) / EVENTS_PER_COMMITMENT;
        int pairsPerPolicy = items.stream().mapToInt(i -> i.units().size()).sum();
        long policies = (commitments + pairsPerPolicy - 1) / pairsPerPolicy;

        // the processors would replay the seeding as it happens; the figure wanted is a rebuild of the whole log
        processing.eventProcessors().values().forEach(EventProcessor::shutDown);
        long seedStart = System.nanoTime();
        for (long p = 1; p <= policies; p++) {
            commands.sendAndWait(new ImportPolicy("scale-" + p, text, Actor.system("bench")));
        }
        LocalDate today = LocalDate.now(ZONE);
        EventAppender appender = new EventAppender(eventStore);
        long made = 0;
        outer:
        for (long p = 1; p <= policies; p++) {
            String policy = "scale-" + p;
            for (SupportItem item : items) {
                for (ResponsibleUnit unit : item.units()) {
                    if (made++ == commitments) {
                        break outer;
                    }
                    String id = CommitmentId.of(policy, item.number(), unit.unitId());
                    Actor actor = new Actor("scale-" + unit.unitId(), "规模测试（" + unit.name() + "）", Role.UNIT,
                            Set.of(unit.unitId()), Channel.WEB, null);
                    appender.add(domainEvent(id, 0, new CommitmentRegistered(id, policy, item.number(), unit.unitId(),
                            unit.name(), new ResponsiblePerson("责任人" + item.number(), "处长"),
                            "先制定实施方案，再分步落实第 " + item.number() + " 项", today.minusDays(30),
                            today.plusDays(300), List.of(new Milestone("M1", "制定实施方案", today.plusDays(100)),
                            new Milestone("M2", "全面落实", today.plusDays(250))), actor)));
                    for (int k = 1; k < EVENTS_PER_COMMITMENT; k++) {
                        appender.add(domainEvent(id, k, new ProgressReported(id, k * 10, (k - 1) * 10,
                                "第 " + k + " 次进度报告", null, actor)));
                    }
                }
            }
        }
        long seeded = appender.flush();
        double seedSeconds = (System.nanoTime() - seedStart) / 1e9;
        result.detail("scalePolicies", policies);
        result.detail("scaleCommitments", Math.min(made, commitments));
        result.detail("scaleEventsSeeded", seeded);
        result.figure("scale: events seeded through the event store", seeded / seedSeconds, "ev/s");
        out.printf("scale: %d events seeded in %.1f s%n", seeded, seedSeconds);

        // rebuild every view for the time budget, then read the rebuild's own progress
        long cpuBefore = BenchRun.processCpuNanos();
        long start = System.nanoTime();
        for (String view : rebuilder.viewNames()) {
            rebuilder.rebuild(view);
        }
        long budget = Duration.ofSeconds(options.scaleSeconds()).toNanos();
        List<ViewStatus> statuses = rebuilder.statuses();
        while (System.nanoTime() - start < budget && !statuses.stream().allMatch(ViewStatus::upToDate)) {
            Thread.sleep(1_000);
            statuses = rebuilder.statuses();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        long cpu = BenchRun.processCpuNanos() - cpuBefore;
        long total = statuses.stream().mapToLong(ViewStatus::eventsTotal).max().orElse(0);
        long slowestDone = statuses.stream().mapToLong(ViewStatus::eventsDone).min().orElse(0);
        long allDone = statuses.stream().mapToLong(ViewStatus::eventsDone).sum();
        boolean finished = statuses.stream().allMatch(ViewStatus::upToDate);
        double rate = slowestDone / elapsed;
        for (ViewStatus s : statuses) {
            out.printf("scale: view %-16s %s (segments %d/%d claimed%s)%n", s.view(), s.progress(),
                    s.claimedSegments(), s.segments(), s.error() ? ", IN ERROR" : "");
            result.detail("scaleView." + s.view(), s.eventsDone() + "/" + s.eventsTotal());
        }
        result.detail("scaleRebuildFinished", finished);
        result.detail("scaleRebuildSeconds", Math.round(elapsed));
        result.figure("scale: rebuild at " + total + " events, every view: events/s", rate, "ev/s", ">=", Targets.REBUILD_EVENTS_PER_SECOND);
        result.figure("scale: rebuild, view-events applied/s (sum over " + statuses.size() + " views)",
                allDone / elapsed, "ev/s");
        result.figure("scale: rebuild, process CPU per 1,000 events (all views)",
                slowestDone == 0 ? Double.NaN : cpu / 1e6 * 1000 / slowestDone, "ms");
        result.figure("scale: whole rebuild at this rate (estimated)", rate == 0 ? Double.NaN : total / rate / 60,
                "min");
        Runtime runtime = Runtime.getRuntime();
        System.gc();
        result.figure("scale: heap used after GC", (runtime.totalMemory() - runtime.freeMemory()) / 1048576.0, "MiB");
        result.figure("scale: resident memory (VmRSS)", BenchRun.rssMib(), "MiB", "<", Targets.RSS_MIB);
        result.figure("scale: peak resident memory (VmHWM)", BenchRun.peakRssMib(), "MiB", "<", Targets.RSS_MIB);
        out.printf("scale: rebuild %s after %.0f s (slowest view at %d of %d events)%n",
                finished ? "finished" : "stopped", elapsed, slowestDone, total);
    }

    private static DomainEventMessage<?> domainEvent(String aggregateId, long sequence, Object payload) {
        return new GenericDomainEventMessage<>("Commitment", aggregateId, sequence, payload);
    }
}

package io.duban.harness.bench;

import java.io.PrintStream;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.stream.IntStream;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import io.duban.command.api.ResponsibleUnit;
import io.duban.command.api.SupportItem;
import io.duban.query.api.board.CommitmentSummary;
import io.duban.query.api.board.FindCommitments;
import io.duban.query.commitment.CommitmentReader;
import io.duban.query.commitment.CommitmentsProjection;
import io.duban.query.api.light.LightColor;
import io.duban.query.light.TrafficLights;
import io.duban.query.rebuild.ViewRebuilder;
import io.duban.query.web.TooBroadException;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.bson.Document;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The overdue check: the overdue list ({@code GET /api/commitments?light=RED}, here through the query bus without the
 * HTTP layer) of one unit and of every unit, timed over 10k → 100k open commitments in the live commitments view.
 * Every unit's list is answered up to {@code duban.query.max-list-rows} commitments and refused beyond.
 * Overdue on the write side is not a sweep (each due date is its own scheduled deadline), so this read is the check
 * whose cost grows with the number of commitments.
 * <p>
 * The documents are copies of one the projection wrote for a registered commitment, with their own ids, units, dates,
 * milestones and progress (about one in six overdue, one in ten claimed), inserted straight into the view: events for
 * 100k commitments would take the write path minutes to produce, and the read does not care how a document got there.
 * They are deleted afterwards, so the view equals the event store again.
 */
final class OverdueCheckBench {

    static final String ID_PREFIX = "overdue-bench.";
    private static final int INSERT_BATCH = 1_000;
    private static final int REPEATS = 3;

    private final BenchOptions options;
    private final BenchResult result;
    private final PrintStream out;

    OverdueCheckBench(BenchOptions options, BenchResult result, PrintStream out) {
        this.options = options;
        this.result = result;
        this.out = out;
    }

    void run(ConfigurableApplicationContext app, List<SupportItem> items) throws Exception {
        MongoTemplate mongo = app.getBean(MongoTemplate.class);
        QueryGateway queries = app.getBean(QueryGateway.class);
        TrafficLights lights = app.getBean(TrafficLights.class);
        CommitmentReader reader = app.getBean(CommitmentReader.class);
        app.getBean(ViewRebuilder.class).awaitUpToDate(Duration.ofMinutes(5));
        MongoCollection<Document> view = mongo.getCollection(CommitmentsProjection.COLLECTION);
        Document template = view.find(Filters.eq("status", "OPEN")).first();
        if (template == null) {
            throw new IllegalStateException("the overdue check needs a registered commitment to copy");
        }
        long existing = view.countDocuments();
        List<ResponsibleUnit> units = items.stream().flatMap(i -> i.units().stream()).distinct().toList();
        LocalDate today = lights.today();
        Random random = new Random(42);
        List<Long> timesMillis = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        int seeded = 0;
        long seedNanos = 0;
        try {
            for (int size : options.overdueSizes()) {
                long seedStart = System.nanoTime();
                while (seeded < size) {
                    List<Document> batch = new ArrayList<>(INSERT_BATCH);
                    for (int i = 0; i < INSERT_BATCH && seeded < size; i++, seeded++) {
                        batch.add(copy(template, seeded, units.get(seeded % units.size()), today, random));
                    }
                    view.insertMany(batch);
                    if (seeded % 10_000 == 0) {
                        out.printf("overdue: %d documents seeded%n", seeded);
                    }
                }
                seedNanos += System.nanoTime() - seedStart;

                // one unit's overdue list: the whole view is scanned, what is sent back stays small
                String unit = units.get(0).unitId();
                Timed oneUnit = timed(queries, new FindCommitments(unit, null, null, LightColor.RED));
                timesMillis.add(oneUnit.medianNanos() / 1_000_000);
                sizes.add(size);
                result.figure("overdue check of one unit at " + size + " open commitments (median of " + REPEATS + ")",
                        oneUnit.medianNanos() / 1e6, "ms", "<", Targets.OVERDUE_ONE_UNIT_MS);
                result.detail("overdueOneUnitFound@" + size, oneUnit.found());
                // every unit's overdue list: answered up to duban.query.max-list-rows, refused (422) beyond
                Timed all = timed(queries, new FindCommitments(null, null, null, LightColor.RED));
                if (all.refusal() == null) {
                    result.figure("overdue check of every unit at " + size + " open commitments (median of " + REPEATS
                            + ")", all.medianNanos() / 1e6, "ms", "<", Targets.OVERDUE_EVERY_UNIT_MS);
                    result.detail("overdueFound@" + size, all.found());
                } else {
                    result.figure("overdue check of every unit at " + size + " open commitments: refused (422) in",
                            all.medianNanos() / 1e6, "ms");
                    result.detail("overdueRefused@" + size, all.refusal());
                }
                out.printf("overdue: %d open commitments; one unit: %d overdue in %.0f ms; every unit: %s in %.0f ms"
                                + " (medians)%n", size, oneUnit.found(), oneUnit.medianNanos() / 1e6,
                        all.refusal() == null ? all.found() + " overdue" : "refused", all.medianNanos() / 1e6);
                if (sizes.size() == 1) {
                    // what the list cost before the MongoDB filter: every commitment read and judged (only at the
                    // first size: at 100k the commitments alone outgrow a 256 MiB heap)
                    long t1 = System.nanoTime();
                    long judged = reader.find(null, null, null).stream()
                            .filter(c -> lights.of(c).color() == LightColor.RED).count();
                    result.figure("overdue check without the MongoDB filter (every commitment judged) at " + size,
                            (System.nanoTime() - t1) / 1e6, "ms");
                    result.detail("overdueJudgedOneByOne@" + size, judged);
                }
            }
            if (sizes.size() >= 2) {
                int first = 0;
                int last = sizes.size() - 1;
                double sizeRatio = (double) sizes.get(last) / sizes.get(first);
                double timeRatio = (double) timesMillis.get(last) / Math.max(1, timesMillis.get(first));
                // ≤ 1 means it grows linearly or better
                result.figure("overdue check of one unit, growth " + sizes.get(first) + "→" + sizes.get(last)
                        + ": time ratio ÷ size ratio", timeRatio / sizeRatio, "×", "<", Targets.OVERDUE_GROWTH);
            }
            result.detail("overdueSeedDocumentsPerSecond", Math.round(seeded / (seedNanos / 1e9)));
        } finally {
            // in chunks: the wire server holds every document a delete matches, 100k of them exhausted the heap
            for (int from = 0; from < seeded; from += INSERT_BATCH) {
                List<String> ids = IntStream.range(from, Math.min(seeded, from + INSERT_BATCH))
                        .mapToObj(n -> ID_PREFIX + n).toList();
                view.deleteMany(Filters.in("_id", ids));
            }
            long left = view.countDocuments();
            if (left != existing) {
                out.printf("overdue: the view holds %d documents after clean-up, %d before%n", left, existing);
            }
        }
    }

    /** A query's median time over {@link #REPEATS} runs, what it found, or why it was refused. */
    private record Timed(long medianNanos, int found, String refusal) {
    }

    private static Timed timed(QueryGateway queries, FindCommitments query) throws InterruptedException {
        long[] nanos = new long[REPEATS];
        int found = 0;
        String refusal = null;
        for (int r = 0; r < REPEATS; r++) {
            long t0 = System.nanoTime();
            try {
                found = queries.query(query, ResponseTypes.multipleInstancesOf(CommitmentSummary.class)).get().size();
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TooBroadException tooBroad)) {
                    throw new IllegalStateException(e.getCause());
                }
                refusal = tooBroad.getMessage();
            }
            nanos[r] = System.nanoTime() - t0;
        }
        Arrays.sort(nanos);
        return new Timed(nanos[REPEATS / 2], found, refusal);
    }

    /** One open commitment: due dates from a year ago to two years ahead, two milestones, some claimed. */
    private static Document copy(Document template, int n, ResponsibleUnit unit, LocalDate today, Random random) {
        Document doc = new Document(template);
        LocalDate start = today.minusDays(200 + random.nextInt(400));
        // about one in six has a final due date or an open milestone in the past
        boolean late = random.nextInt(6) == 0;
        LocalDate due = late ? today.minusDays(1 + random.nextInt(60)) : today.plusDays(30 + random.nextInt(700));
        LocalDate firstMilestone = late && random.nextBoolean() ? today.minusDays(1 + random.nextInt(90))
                : today.plusDays(1 + random.nextInt(300));
        boolean firstDone = !late && random.nextBoolean();
        boolean claimed = !late && random.nextInt(10) == 0;
        doc.put("_id", ID_PREFIX + n);
        doc.put("policyId", "overdue-bench");
        doc.put("itemNumber", 1 + n % 60);
        doc.put("unitId", unit.unitId());
        doc.put("unitName", unit.name());
        doc.put("startDate", start.toString());
        doc.put("dueDate", due.toString());
        doc.put("milestones", List.of(milestone("M1", firstMilestone, firstDone),
                milestone("M2", due.minusDays(10), false)));
        doc.put("progress", random.nextInt(100));
        doc.put("status", claimed ? "COMPLETION_CLAIMED" : "OPEN");
        doc.put("lastSequence", 1L + random.nextInt(20));
        return doc;
    }

    private static Document milestone(String id, LocalDate due, boolean completed) {
        return new Document("milestoneId", id).append("title", "节点 " + id).append("dueDate", due.toString())
                .append("completed", completed).append("completedAt", null).append("note", null)
                .append("overdue", false).append("overdueSince", null).append("overdueDueDate", null);
    }
}

package io.duban.harness.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parsed command line of {@code bench}.
 *
 * @param commitments commitments to register (each then gets {@code reports} progress reports)
 * @param reports     ReportProgress commands per commitment
 * @param replies     signed DingTalk callbacks for the reply latency
 * @param threads     command-sending threads
 * @param out         JSON output file
 * @param targets     databases to run on, in order
 * @param lagRate     progress updates per second of the projection lag phase
 * @param lagSeconds  how long that phase measures (0 = off)
 * @param overdueSizes numbers of open commitments the overdue check is timed at, ascending (empty = skip)
 * @param consoleCommitments commitments seeded for the console pages' render times (0 = skip)
 * @param consoleRequests requests timed per console page
 * @param idleSeconds how long the CPU of the idle node is measured, after start-up and after the load (0 = off)
 * @param quick       whether {@code --quick} chose the defaults (a tenth of the full run's scale)
 */
public record BenchOptions(int commitments, int reports, int replies, int threads, String out,
                           List<BenchTarget> targets, long scaleEvents, int scaleSeconds, int lagRate,
                           int lagSeconds, List<Integer> overdueSizes, int consoleCommitments,
                           int consoleRequests, int idleSeconds, boolean quick) {

    static final List<Integer> DEFAULT_OVERDUE_SIZES = List.of(10_000, 25_000, 50_000, 100_000);

    static final String USAGE = "usage: bench [--events=N (commitments to register, default 1000)] "
            + "[--reports=R (progress reports each, default 3)] [--replies=K (default 300)] [--threads=T (default 4)] "
            + "[--out=bench.json] [--db-url=jdbc:postgresql://...] [--no-embedded] "
            + "[--scale-events=N (seed N more events, 10 per commitment, then time a rebuild; default 0 = off)] "
            + "[--scale-seconds=S (how long to time that rebuild, default 120)] "
            + "[--lag-rate=N (progress updates/s of the projection lag phase, default 500)] "
            + "[--lag-seconds=S (how long to measure it, default 30; 0 = off)] "
            + "[--overdue-sizes=N,N,... (open commitments to time the overdue check at, default "
            + "10000,25000,50000,100000; 0 = skip)] "
            + "[--console-commitments=N (commitments seeded before timing the console pages, default 10000; 0 = skip)] "
            + "[--console-requests=K (requests timed per page, default 50)] "
            + "[--idle-seconds=S (CPU of the idle node after start-up and after the load, default 60; 0 = off)] "
            + "[--quick (the whole table at a tenth of the scale, under 5 minutes: --events=100 --replies=30 "
            + "--lag-seconds=10 --overdue-sizes=10000 --console-commitments=1000 --console-requests=20 "
            + "--scale-events=100000 --scale-seconds=30 --idle-seconds=30; options given with it still apply)]; "
            + "env DUBAN_BENCH_POSTGRES_URL adds a PostgreSQL run";

    public static BenchOptions parse(String[] args) {
        return parse(args, System.getenv("DUBAN_BENCH_POSTGRES_URL"));
    }

    static BenchOptions parse(String[] args, String postgresFromEnv) {
        int commitments = 1000;
        int reports = 3;
        int replies = 300;
        int threads = 4;
        String out = "bench.json";
        String dbUrl = postgresFromEnv == null || postgresFromEnv.isBlank() ? null : postgresFromEnv;
        boolean embedded = true;
        long scaleEvents = 0;
        int scaleSeconds = 120;
        int lagRate = Targets.LAG_RATE;
        int lagSeconds = 30;
        List<Integer> overdueSizes = DEFAULT_OVERDUE_SIZES;
        int consoleCommitments = 10_000;
        int consoleRequests = 50;
        int idleSeconds = 60;
        boolean quick = List.of(args).contains("--quick");
        if (quick) {
            commitments = 100;
            replies = 30;
            lagSeconds = 10;
            overdueSizes = List.of(10_000);
            consoleCommitments = 1_000;
            consoleRequests = 20;
            scaleEvents = 100_000;
            scaleSeconds = 30;
            idleSeconds = 30;
        }
        for (String arg : args) {
            if (arg.startsWith("--events=")) {
                commitments = positive(arg);
            } else if (arg.startsWith("--reports=")) {
                reports = Integer.parseInt(value(arg));
                if (reports < 0) {
                    throw new IllegalArgumentException("--reports must be >= 0");
                }
            } else if (arg.startsWith("--replies=")) {
                replies = positive(arg);
            } else if (arg.startsWith("--threads=")) {
                threads = positive(arg);
            } else if (arg.startsWith("--out=")) {
                out = value(arg);
            } else if (arg.startsWith("--db-url=")) {
                dbUrl = value(arg);
            } else if (arg.startsWith("--scale-events=")) {
                scaleEvents = Long.parseLong(value(arg));
                if (scaleEvents < 0) {
                    throw new IllegalArgumentException("--scale-events must be >= 0");
                }
            } else if (arg.startsWith("--scale-seconds=")) {
                scaleSeconds = positive(arg);
            } else if (arg.startsWith("--lag-rate=")) {
                lagRate = positive(arg);
            } else if (arg.startsWith("--lag-seconds=")) {
                lagSeconds = Integer.parseInt(value(arg));
                if (lagSeconds < 0) {
                    throw new IllegalArgumentException("--lag-seconds must be >= 0");
                }
            } else if (arg.startsWith("--overdue-sizes=")) {
                overdueSizes = sizes(value(arg));
            } else if (arg.startsWith("--console-commitments=")) {
                consoleCommitments = Integer.parseInt(value(arg));
                if (consoleCommitments < 0) {
                    throw new IllegalArgumentException("--console-commitments must be >= 0");
                }
            } else if (arg.startsWith("--console-requests=")) {
                consoleRequests = positive(arg);
            } else if (arg.startsWith("--idle-seconds=")) {
                idleSeconds = Integer.parseInt(value(arg));
                if (idleSeconds < 0) {
                    throw new IllegalArgumentException("--idle-seconds must be >= 0");
                }
            } else if (arg.equals("--quick")) {
                continue; // applied above, before the options that may override it
            } else if (arg.equals("--no-embedded")) {
                embedded = false;
            } else {
                throw new IllegalArgumentException("unknown argument: " + arg);
            }
        }
        if (dbUrl != null && !dbUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("--db-url must be a jdbc:postgresql: URL");
        }
        List<BenchTarget> targets = new ArrayList<>();
        if (embedded) {
            targets.add(BenchTarget.embedded());
        }
        if (dbUrl != null) {
            targets.add(BenchTarget.postgres(dbUrl));
        }
        if (targets.isEmpty()) {
            throw new IllegalArgumentException("--no-embedded needs --db-url or DUBAN_BENCH_POSTGRES_URL");
        }
        return new BenchOptions(commitments, reports, replies, threads, out, List.copyOf(targets), scaleEvents,
                scaleSeconds, lagRate, lagSeconds, overdueSizes, consoleCommitments, consoleRequests, idleSeconds,
                quick);
    }

    Map<String, Object> asMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("commitments", commitments);
        map.put("reportsPerCommitment", reports);
        map.put("replies", replies);
        map.put("threads", threads);
        map.put("targets", targets.stream().map(BenchTarget::label).toList());
        map.put("scaleEvents", scaleEvents);
        map.put("scaleSeconds", scaleSeconds);
        map.put("lagRate", lagRate);
        map.put("lagSeconds", lagSeconds);
        map.put("overdueSizes", overdueSizes);
        map.put("consoleCommitments", consoleCommitments);
        map.put("consoleRequests", consoleRequests);
        map.put("idleSeconds", idleSeconds);
        map.put("quick", quick);
        return map;
    }

    /** "10000,100000" → [10000, 100000]; "0" → none. Ascending, so each size adds to the one before. */
    private static List<Integer> sizes(String list) {
        if (list.equals("0")) {
            return List.of();
        }
        List<Integer> sizes = new ArrayList<>();
        for (String part : list.split(",")) {
            int size = Integer.parseInt(part.trim());
            if (size <= 0 || (!sizes.isEmpty() && size <= sizes.get(sizes.size() - 1))) {
                throw new IllegalArgumentException("--overdue-sizes must be positive and ascending, was " + list);
            }
            sizes.add(size);
        }
        return List.copyOf(sizes);
    }

    private static String value(String arg) {
        return arg.substring(arg.indexOf('=') + 1);
    }

    private static int positive(String arg) {
        int n = Integer.parseInt(value(arg));
        if (n <= 0) {
            throw new IllegalArgumentException(arg + ": must be positive");
        }
        return n;
    }
}

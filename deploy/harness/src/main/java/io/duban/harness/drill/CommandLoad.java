package io.duban.harness.drill;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

/**
 * Sends commands over REST from several threads, each thread working through its own list in order (so a
 * commitment's registration precedes its progress reports), and records every answer. A command that got no answer
 * (node down, connection reset) is sent again until it gets one or the load is stopped: that is what a client does,
 * and it is why a command in flight at a crash may be stored twice; a command is <em>acknowledged</em> when an answer
 * was 2xx.
 */
final class CommandLoad {

    /** The policy the drills register commitments for (imported at first start-up). */
    static final String POLICY = "nzf-2023-1";
    /** 呼和浩特市人民政府: co-responsible for every item of the policy, so it can register 60 commitments. */
    static final String UNIT_USER = "hhht";

    enum Kind { REGISTER, PROGRESS }

    /**
     * One REST command.
     *
     * @param tag a text unique to the command (the progress note), to find its event in the store
     */
    record Command(Kind kind, String user, String path, String json, int item, int percent, String tag) {
    }

    /**
     * What became of a command.
     *
     * @param status        the HTTP status of the last answer, 0 when none came
     * @param code          the problem detail's code of a refusal
     * @param attempts      how often it was sent
     * @param unanswered    at least one attempt got no answer (in flight at a crash, or sent while the node was down)
     * @param answeredNanos when the answer came, on the load's clock ({@link #elapsedNanos()})
     */
    record Outcome(Command command, int thread, int status, String code, int attempts, boolean unanswered,
                   long answeredNanos) {

        boolean acknowledged() {
            return status >= 200 && status < 300;
        }
    }

    private final List<List<Command>> perThread;
    private final IntFunction<DrillHttp> nodeForThread;
    private final double ratePerSecond;
    private final ConcurrentLinkedQueue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
    private final AtomicLong acknowledged = new AtomicLong();
    private final AtomicBoolean stop = new AtomicBoolean();
    private final long startNanos = System.nanoTime();
    private ExecutorService pool;
    private final List<Future<?>> running = new ArrayList<>();

    /**
     * @param perThread     the commands of each thread, in order
     * @param nodeForThread which node a thread talks to
     * @param ratePerSecond total commands per second over all threads; 0 = as fast as the node answers
     */
    CommandLoad(List<List<Command>> perThread, IntFunction<DrillHttp> nodeForThread, double ratePerSecond) {
        this.perThread = perThread;
        this.nodeForThread = nodeForThread;
        this.ratePerSecond = ratePerSecond;
    }

    /** Registration of item {@code item} by {@link #UNIT_USER}, one milestone, all dates around {@code today}. */
    static Command register(int item, LocalDate start, LocalDate milestoneDue, LocalDate due) {
        String json = """
                {"policyId":"%s","itemNumber":%d,"responsible":{"name":"演练责任人","position":"处长"},
                 "roadmap":"演练：按计划推进第 %d 项","startDate":"%s","dueDate":"%s",
                 "milestones":[{"title":"演练里程碑","dueDate":"%s"}]}""".formatted(POLICY, item, item, start, due,
                milestoneDue);
        return new Command(Kind.REGISTER, UNIT_USER, "/api/commitments", json, item, 0, "register-" + item);
    }

    /** A progress report on the commitment of {@link #UNIT_USER} for {@code item}; {@code tag} becomes the note. */
    static Command progress(String unitId, int item, int percent, String tag) {
        String json = "{\"percent\":%d,\"note\":\"%s\"}".formatted(percent, tag);
        return new Command(Kind.PROGRESS, UNIT_USER, "/api/commitments/" + commitmentId(item, unitId) + "/progress",
                json, item, percent, tag);
    }

    /** Items 1..commitments, item i on thread (i-1) % threads. */
    static List<List<Integer>> itemsPerThread(int threads, int commitments) {
        List<List<Integer>> owned = new ArrayList<>();
        for (int t = 0; t < Math.min(threads, commitments); t++) {
            owned.add(new ArrayList<>());
        }
        for (int i = 0; i < commitments; i++) {
            owned.get(i % owned.size()).add(i + 1);
        }
        return owned;
    }

    /** One registration per item, the items spread over the threads as {@link #itemsPerThread}. */
    static List<List<Command>> registrations(int threads, int commitments, LocalDate start, LocalDate milestoneDue,
                                             LocalDate due) {
        return itemsPerThread(threads, commitments).stream()
                .map(items -> items.stream().map(item -> register(item, start, milestoneDue, due)).toList())
                .toList();
    }

    /**
     * {@code rounds} progress reports per commitment (1 %, 2 %, … so that none is a decrease), each thread going
     * round-robin over its own commitments; notes {@code <run>-<item>-<round>}.
     */
    static List<List<Command>> progressReports(int threads, int commitments, int rounds, String unitId, String run) {
        List<List<Command>> plan = new ArrayList<>();
        for (List<Integer> items : itemsPerThread(threads, commitments)) {
            List<Command> list = new ArrayList<>();
            for (int round = 1; round <= Math.min(100, rounds); round++) {
                for (int item : items) {
                    list.add(progress(unitId, item, round, run + "-" + item + "-" + round));
                }
            }
            plan.add(list);
        }
        return plan;
    }

    static String commitmentId(int item, String unitId) {
        return POLICY + "." + item + "." + unitId;
    }

    /** Starts the threads; returns at once. */
    CommandLoad start() {
        pool = Executors.newFixedThreadPool(perThread.size(), r -> {
            Thread t = new Thread(r, "drill-load");
            t.setDaemon(true);
            return t;
        });
        long pauseNanos = ratePerSecond <= 0 ? 0 : (long) (perThread.size() * 1e9 / ratePerSecond);
        for (int t = 0; t < perThread.size(); t++) {
            int thread = t;
            running.add(pool.submit(() -> {
                long next = System.nanoTime() + pauseNanos * thread / Math.max(1, perThread.size());
                for (Command command : perThread.get(thread)) {
                    if (stop.get()) {
                        return;
                    }
                    if (pauseNanos > 0) {
                        sleepUntil(next);
                        next += pauseNanos;
                    }
                    send(thread, command);
                }
            }));
        }
        return this;
    }

    private void send(int thread, Command command) {
        int attempts = 0;
        boolean unanswered = false;
        while (true) {
            attempts++;
            DrillHttp.Answer answer = nodeForThread.apply(thread).post(command.user(), command.path(), command.json());
            if (answer.answered()) {
                Outcome outcome = new Outcome(command, thread, answer.status(), answer.problemCode(), attempts,
                        unanswered, elapsedNanos());
                outcomes.add(outcome);
                if (outcome.acknowledged()) {
                    acknowledged.incrementAndGet();
                }
                return;
            }
            unanswered = true;
            if (stop.get()) {
                outcomes.add(new Outcome(command, thread, 0, null, attempts, true, elapsedNanos()));
                return;
            }
            sleepUntil(System.nanoTime() + Duration.ofMillis(200).toNanos());
        }
    }

    /** Waits until every thread has worked through its list, or {@code timeout} passed (then stops them). */
    boolean awaitDone(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (Future<?> f : running) {
            long left = deadline - System.nanoTime();
            try {
                f.get(Math.max(1, left), java.util.concurrent.TimeUnit.NANOSECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                stopAndWait();
                return false;
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException("a load thread failed", e.getCause());
            }
        }
        pool.shutdown();
        return true;
    }

    /** Stops sending (commands in flight still get their answer) and waits for the threads. */
    void stopAndWait() throws InterruptedException {
        stop.set(true);
        pool.shutdown();
        pool.awaitTermination(2, java.util.concurrent.TimeUnit.MINUTES);
    }

    long acknowledged() {
        return acknowledged.get();
    }

    long elapsedNanos() {
        return System.nanoTime() - startNanos;
    }

    List<Outcome> outcomes() {
        return List.copyOf(outcomes);
    }

    int planned() {
        return perThread.stream().mapToInt(List::size).sum();
    }

    private static void sleepUntil(long nanos) {
        long left;
        while ((left = nanos - System.nanoTime()) > 0) {
            try {
                Thread.sleep(left / 1_000_000, (int) (left % 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}

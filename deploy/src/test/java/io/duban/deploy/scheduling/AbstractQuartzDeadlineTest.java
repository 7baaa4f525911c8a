package io.duban.deploy.scheduling;

import io.duban.deploy.testdb.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Predicate;

import duban.testapp.scheduling.FiringLog;
import duban.testapp.scheduling.FiringLog.Firing;
import duban.testapp.scheduling.SchedulerProbe;
import duban.testapp.scheduling.SchedulingTestApplication;
import duban.testapp.scheduling.SchedulingTestApplication.ReminderFired;
import duban.testapp.scheduling.SchedulingTestApplication.ScheduleReminder;
import io.duban.deploy.eventstore.DatabaseDialect;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.quartz.QuartzDeadlineManager;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.quartz.Scheduler;
import org.quartz.SchedulerMetaData;
import org.quartz.SimpleTrigger;
import org.springframework.boot.autoconfigure.quartz.QuartzDataSourceScriptDatabaseInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.scheduling.quartz.LocalDataSourceJobStore;

/**
 * Durable deadlines against a real database: the schema script, the wiring, and a test aggregate's
 * {@code @DeadlineHandler} fired by Quartz on time, after a restart, and after downtime. Every case gets a database of
 * its own, and the application contexts of one case run one after the other (two contexts with the same scheduler
 * name must not share a JVM, see {@code ClusterNode}).
 */
abstract class AbstractQuartzDeadlineTest {

    /** The Quartz scheduler name configured in application.yml. */
    static final String SCHEDULER_NAME = "duban";

    /** A new, empty database or schema; aborts the test when the server is unreachable. */
    protected abstract TestDatabase createDatabase(String name) throws Exception;

    protected abstract DatabaseDialect dialect();

    /** The type JDBC metadata reports for Quartz's binary columns. */
    protected abstract String expectedBinaryColumnType();

    @Test
    void theSchemaScriptCreatesTheQuartzTablesOnAnEmptyDatabaseAndRunningItTwiceIsFine() throws Exception {
        try (TestDatabase database = createDatabase("schema")) {
            // given an empty database
            QuartzSchemaInitializer initializer = new QuartzSchemaInitializer(database.dataSource(), dialect());
            assertThat(initializer.missingTables()).containsExactlyInAnyOrderElementsOf(QuartzSchemaInitializer.TABLES);

            // when the start-up step runs
            boolean ran = initializer.initializeDatabase();

            // then every Quartz table exists, binary columns of the database's plain binary type, indexes included
            assertThat(ran).isTrue();
            assertThat(initializer.missingTables()).isEmpty();
            try (Connection connection = database.connect()) {
                assertThat(columnType(connection, "QRTZ_JOB_DETAILS", "JOB_DATA")).isEqualTo(expectedBinaryColumnType());
                assertThat(columnType(connection, "QRTZ_TRIGGERS", "JOB_DATA")).isEqualTo(expectedBinaryColumnType());
                assertThat(columnType(connection, "QRTZ_CALENDARS", "CALENDAR")).isEqualTo(expectedBinaryColumnType());
                assertThat(indexNames(connection, "QRTZ_TRIGGERS"))
                        .contains("IDX_QRTZ_T_NEXT_FIRE_TIME", "IDX_QRTZ_T_NFT_ST_MISFIRE");
            }

            // when the script runs again, then nothing fails and nothing changes
            assertThatCode(initializer::applyScript).doesNotThrowAnyException();
            assertThat(initializer.missingTables()).isEmpty();

            // and a start-up that finds every table issues no DDL at all
            assertThat(initializer.initializeDatabase()).isFalse();

            // and one that finds a table missing creates it, leaving the others alone
            try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
                statement.execute("DROP TABLE QRTZ_LOCKS");
            }
            assertThat(initializer.missingTables()).containsExactly("QRTZ_LOCKS");
            assertThat(initializer.initializeDatabase()).isTrue();
            assertThat(initializer.missingTables()).isEmpty();
        }
    }

    @Test
    void axonUsesOneQuartzDeadlineManagerWhoseSchedulerStopsBeforeTheDataSourceCloses() throws Exception {
        try (TestDatabase database = createDatabase("wiring")) {
            // given the application
            ConfigurableApplicationContext app = start(database, "A");
            SchedulerProbe probe = app.getBean(SchedulerProbe.class);
            try {
                // then there is one deadline manager, Quartz's, and it is the one Axon's configuration hands out
                assertThat(app.getBeansOfType(DeadlineManager.class).values())
                        .singleElement().isInstanceOf(QuartzDeadlineManager.class);
                assertThat(app.getBean(org.axonframework.config.Configuration.class).deadlineManager())
                        .isSameAs(app.getBean(DeadlineManager.class));

                // and Boot's own Quartz schema initializer backed off in favour of Duban's
                assertThat(app.getBeansOfType(QuartzDataSourceScriptDatabaseInitializer.class).values())
                        .singleElement().isInstanceOf(QuartzSchemaInitializer.class);

                // and the scheduler runs on the Spring-managed DataSource, clustered on PostgreSQL only
                Scheduler scheduler = app.getBean(Scheduler.class);
                SchedulerMetaData metaData = scheduler.getMetaData();
                assertThat(metaData.getSchedulerName()).isEqualTo(SCHEDULER_NAME);
                assertThat(metaData.getSchedulerInstanceId()).isNotBlank().isNotEqualTo("AUTO");
                assertThat(metaData.isStarted()).isTrue();
                assertThat(metaData.getJobStoreClass()).isEqualTo(LocalDataSourceJobStore.class);
                assertThat(metaData.isJobStoreSupportsPersistence()).isTrue();
                assertThat(metaData.isJobStoreClustered()).isEqualTo(dialect() == DatabaseDialect.POSTGRESQL);
                assertThat(metaData.getThreadPoolSize()).isEqualTo(4);

                // and it is created after the schema initializer, which depends on the DataSource
                assertThat(app.getBeanFactory().getBeanDefinition("quartzScheduler").getDependsOn())
                        .contains("quartzSchemaInitializer");
                assertThat(app.getBeanFactory().getDependenciesForBean("quartzSchemaInitializer"))
                        .contains("dataSource");
            } finally {
                // when the application closes
                app.close();
            }

            // then the scheduler shut down while the DataSource was still open
            assertThat(probe.schedulerShutDown()).isTrue();
            assertThat(probe.dataSourceOpenWhenSchedulerShutDown()).isTrue();
        }
    }

    @Test
    void aDeadlineTwoSecondsAheadFiresItsHandlerWithinAFewSeconds() throws Exception {
        try (TestDatabase database = createDatabase("on-time");
             ConfigurableApplicationContext app = start(database, "A")) {
            // given a reminder whose deadline is two seconds ahead
            Instant due = Instant.now().plusSeconds(2);
            String reminder = schedule(app, due);
            assertThat(firings(database)).isEmpty();

            // when its time comes
            List<Firing> firings = awaitFirings(database, 1, due.plusSeconds(10));

            // then the aggregate's deadline handler ran once, not before the deadline and without Quartz's idle delay
            assertThat(firings).singleElement().satisfies(firing -> {
                assertThat(firing.reminderId()).isEqualTo(reminder);
                assertThat(firing.firedAtMillis()).isBetween(due.toEpochMilli(), due.toEpochMilli() + 4_000);
            });
            // and the event it applied in the aggregate's scope was stored
            assertThat(app.getBean(EventStore.class).readEvents(reminder).asStream().map(e -> (Object) e.getPayload()).toList())
                    .contains(new ReminderFired(reminder, 1));

            // and it does not fire again
            Thread.sleep(1_500);
            assertThat(firings(database)).hasSize(1);
        }
    }

    @Test
    void aDeadlineScheduledBeforeARestartFiresOnceAfterIt() throws Exception {
        try (TestDatabase database = createDatabase("restart")) {
            // given a reminder scheduled five seconds ahead, and the application closed before it is due
            Instant due;
            String reminder;
            try (ConfigurableApplicationContext first = start(database, "A")) {
                due = Instant.now().plusSeconds(5);
                reminder = schedule(first, due);
            }
            assertThat(Instant.now()).as("closed before the deadline").isBefore(due);
            assertThat(firings(database)).isEmpty();

            // when a new application starts on the same database
            try (ConfigurableApplicationContext second = start(database, "B")) {
                List<Firing> firings = awaitFirings(database, 1, due.plusSeconds(10));

                // then the new application fires the deadline, once
                assertThat(firings).singleElement().satisfies(firing -> {
                    assertThat(firing.reminderId()).isEqualTo(reminder);
                    assertThat(firing.node()).isEqualTo("B");
                    assertThat(firing.firedAtMillis()).isGreaterThanOrEqualTo(due.toEpochMilli());
                });
                Thread.sleep(2_000);
                assertThat(firings(database)).hasSize(1);
            }
        }
    }

    @Test
    void aDeadlineThatFellDueWhileTheApplicationWasDownFiresOnceAtStartUp() throws Exception {
        // A misfire threshold of 1 s instead of the configured minute, so that a few seconds of downtime already
        // make the trigger misfired and the start-up goes through Quartz's misfire handling.
        String shortMisfireThreshold = "--spring.quartz.properties.org.quartz.jobStore.misfireThreshold=1000";
        try (TestDatabase database = createDatabase("downtime")) {
            // given a reminder scheduled four seconds ahead
            Instant due;
            String reminder;
            try (ConfigurableApplicationContext first = start(database, "A", shortMisfireThreshold)) {
                due = Instant.now().plusSeconds(4);
                reminder = schedule(first, due);
            }
            // stored as Axon builds it: a one-shot SimpleTrigger with the smart misfire policy, a recoverable job
            assertThat(storedTrigger(database)).isEqualTo(new StoredTrigger(SchedulingTestApplication.DEADLINE,
                    "SIMPLE", 0, SimpleTrigger.MISFIRE_INSTRUCTION_SMART_POLICY, true));

            // and the application down until well past the deadline and the misfire threshold
            assertThat(Instant.now()).as("closed before the deadline").isBefore(due);
            sleepUntil(due.plusMillis(2_500));
            assertThat(firings(database)).isEmpty();

            // when the application starts again
            try (ConfigurableApplicationContext second = start(database, "B", shortMisfireThreshold)) {
                long started = System.currentTimeMillis();
                List<Firing> firings = awaitFirings(database, 1, Instant.now().plusSeconds(10));

                // then Quartz treated the trigger as misfired and fired it at start-up, once
                assertThat(second.getBean(SchedulerProbe.class).misfiredJobGroups())
                        .containsExactly(SchedulingTestApplication.DEADLINE);
                assertThat(firings).singleElement().satisfies(firing -> {
                    assertThat(firing.reminderId()).isEqualTo(reminder);
                    assertThat(firing.node()).isEqualTo("B");
                    assertThat(firing.firedAtMillis()).isLessThan(started + 5_000);
                });
                Thread.sleep(2_000);
                assertThat(firings(database)).hasSize(1);
            }
        }
    }

    // --- helpers

    static ConfigurableApplicationContext start(TestDatabase database, String node, String... extra) {
        return SchedulingTestApplication.start(database.url(), database.user(), database.password(), node, extra);
    }

    /** Sends the command that creates a reminder and schedules its deadline; returns the reminder's id. */
    static String schedule(ConfigurableApplicationContext app, Instant due) {
        String reminder = "R-" + UUID.randomUUID();
        app.getBean(CommandGateway.class).sendAndWait(new ScheduleReminder(reminder, due));
        return reminder;
    }

    static List<Firing> firings(TestDatabase database) throws SQLException {
        try (Connection connection = database.connect()) {
            return FiringLog.firings(connection);
        }
    }

    /** Waits until at least {@code count} firings are recorded, or the deadline passes; returns what was recorded. */
    static List<Firing> awaitFirings(TestDatabase database, int count, Instant until) throws Exception {
        return awaitFirings(database, firings -> firings.size() >= count, until);
    }

    static List<Firing> awaitFirings(TestDatabase database, Predicate<List<Firing>> done, Instant until)
            throws Exception {
        List<Firing> firings = firings(database);
        while (!done.test(firings) && Instant.now().isBefore(until)) {
            Thread.sleep(100);
            firings = firings(database);
        }
        return firings;
    }

    static void sleepUntil(Instant moment) throws InterruptedException {
        long millis = Duration.between(Instant.now(), moment).toMillis();
        if (millis > 0) {
            Thread.sleep(millis);
        }
    }

    /** What Quartz stored for the single pending trigger. */
    record StoredTrigger(String jobGroup, String triggerType, long repeatCount, int misfireInstruction,
                         boolean jobRequestsRecovery) {
    }

    static StoredTrigger storedTrigger(TestDatabase database) throws SQLException {
        try (Connection connection = database.connect();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT t.JOB_GROUP, t.TRIGGER_TYPE, s.REPEAT_COUNT, t.MISFIRE_INSTR, j.REQUESTS_RECOVERY"
                             + " FROM QRTZ_TRIGGERS t"
                             + " JOIN QRTZ_SIMPLE_TRIGGERS s ON s.SCHED_NAME = t.SCHED_NAME"
                             + "  AND s.TRIGGER_NAME = t.TRIGGER_NAME AND s.TRIGGER_GROUP = t.TRIGGER_GROUP"
                             + " JOIN QRTZ_JOB_DETAILS j ON j.SCHED_NAME = t.SCHED_NAME"
                             + "  AND j.JOB_NAME = t.JOB_NAME AND j.JOB_GROUP = t.JOB_GROUP"
                             + " WHERE t.SCHED_NAME = ?")) {
            select.setString(1, SCHEDULER_NAME);
            List<StoredTrigger> triggers = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    triggers.add(new StoredTrigger(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getInt(4),
                            rs.getBoolean(5)));
                }
            }
            assertThat(triggers).as("pending triggers").hasSize(1);
            return triggers.get(0);
        }
    }

    private static String columnType(Connection connection, String table, String column) throws SQLException {
        DatabaseMetaData metaData = connection.getMetaData();
        for (String t : List.of(table, table.toLowerCase(Locale.ROOT))) {
            for (String c : List.of(column, column.toLowerCase(Locale.ROOT))) {
                try (ResultSet rs = metaData.getColumns(connection.getCatalog(), connection.getSchema(), t, c)) {
                    if (rs.next()) {
                        return rs.getString("TYPE_NAME");
                    }
                }
            }
        }
        throw new AssertionError("no column " + table + "." + column);
    }

    private static Set<String> indexNames(Connection connection, String table) throws SQLException {
        Set<String> names = new TreeSet<>();
        DatabaseMetaData metaData = connection.getMetaData();
        for (String t : List.of(table, table.toLowerCase(Locale.ROOT))) {
            try (ResultSet rs = metaData.getIndexInfo(connection.getCatalog(), connection.getSchema(), t, false,
                    false)) {
                while (rs.next()) {
                    if (rs.getString("INDEX_NAME") != null) {
                        names.add(rs.getString("INDEX_NAME").toUpperCase(Locale.ROOT));
                    }
                }
            }
        }
        return names;
    }
}

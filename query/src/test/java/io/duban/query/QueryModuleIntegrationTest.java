package io.duban.query;

import com.mongodb.client.model.Sorts;
import io.duban.command.api.Actor;
import io.duban.command.api.AlertAcknowledged;
import io.duban.command.api.CommitmentRegistered;
import io.duban.command.api.CompletionClaimed;
import io.duban.command.api.CompletionVerified;
import io.duban.command.api.DeadlineChangeApproved;
import io.duban.command.api.DeadlineChangeRequested;
import io.duban.command.api.MajorIssueRaised;
import io.duban.command.api.Milestone;
import io.duban.command.api.MilestoneBecameOverdue;
import io.duban.command.api.MilestoneCompleted;
import io.duban.command.api.OfficialAppointed;
import io.duban.command.api.OfficialRemoved;
import io.duban.command.api.OfficialRole;
import io.duban.command.api.ProgressReported;
import io.duban.query.fixtures.WireMongo;
import io.duban.query.api.overdue.FindOverdueHistory;
import io.duban.query.api.overdue.OverdueHistory;
import io.duban.query.api.scorecard.FindScorecard;
import io.duban.query.api.scorecard.Scorecard;
import io.duban.query.rebuild.ViewRebuilder;
import io.duban.query.rebuild.ViewStatus;
import io.duban.query.view.ProjectedView;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventsourcing.eventstore.EventStore;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import io.duban.command.api.dispatch.DispatchRoundClosed;
import io.duban.command.api.dispatch.DispatchRoundOpened;
import io.duban.command.api.dispatch.QuarterlyReportRecorded;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.duban.query.fixtures.EventMessages.commitment;
import static io.duban.query.fixtures.EventMessages.official;
import static io.duban.query.fixtures.EventMessages.policy;
import static io.duban.query.fixtures.SampleEvents.CITY;
import static io.duban.query.fixtures.SampleEvents.DEVELOPMENT;
import static io.duban.query.fixtures.SampleEvents.FINANCE;
import static io.duban.query.fixtures.SampleEvents.FINANCE_OFFICIAL;
import static io.duban.query.fixtures.SampleEvents.OFFICE;
import static io.duban.query.fixtures.SampleEvents.POLICY_ID;
import static io.duban.query.fixtures.SampleEvents.financeRegistered;
import static io.duban.query.fixtures.SampleEvents.policyImported;
import static io.duban.query.fixtures.EventMessages.message;
import static io.duban.query.fixtures.SampleEvents.registered;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The query module in Spring: real tracking processors (batches of 50, so writes go through the batched unit of
 * work) fed from an in-memory event store into the MongoDB wire server, queried over HTTP through the query bus.
 */
@SpringBootTest(classes = QueryTestApplication.class, properties = {
        "axon.axonserver.enabled=false",
        "axon.serializer.general=jackson",
        "axon.serializer.events=jackson",
        "axon.serializer.messages=jackson",
        "spring.mvc.problemdetails.enabled=true",
        "spring.data.mongodb.database=duban-query-it",
        "axon.eventhandling.processors.policies-view.batch-size=50",
        "axon.eventhandling.processors.items-view.batch-size=50",
        "axon.eventhandling.processors.units-view.batch-size=50",
        "axon.eventhandling.processors.commitments-view.batch-size=50",
        "axon.eventhandling.processors.timeline-view.batch-size=50",
        "axon.eventhandling.processors.officials-view.batch-size=50",
        "axon.eventhandling.processors.dispatch-rounds-view.batch-size=50",
        "axon.eventhandling.processors.scorecard-view.batch-size=50",
        "axon.eventhandling.processors.overdue-history-view.batch-size=50",
        "axon.eventhandling.processors.board-rows-view.batch-size=50",
})
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QueryModuleIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Instant T0 = Instant.parse("2024-01-05T02:00:00Z");
    private static final WireMongo WIRE = WireMongo.start();

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("spring.data.mongodb.uri", () -> WIRE.uri() + "/duban-query-it");
    }

    @Autowired
    private EventStore eventStore;
    @Autowired
    private ViewRebuilder rebuilder;
    @Autowired
    private MongoTemplate mongo;
    @Autowired
    private MockMvc http;
    @Autowired
    private org.axonframework.queryhandling.QueryGateway queryGateway;
    @Autowired
    private List<ProjectedView> views;
    @Autowired
    private EventProcessingConfiguration processing;
    @Autowired
    private io.duban.query.rebuild.LostViewRecovery recovery;

    private static final String WANG = "czt-wang";
    private static final String ZHAO = "city-zhao";

    private final String financeId = financeRegistered().commitmentId();
    private final CommitmentRegistered cityRegistered = registered(1, CITY, LocalDate.of(2024, 1, 1),
            LocalDate.of(2024, 6, 30), List.of(new Milestone("M1", "配套到位", LocalDate.of(2024, 3, 31))));

    @BeforeAll
    void publishHistory() {
        String cityId = cityRegistered.commitmentId();
        List<DomainEventMessage<?>> history = new ArrayList<>();
        history.add(policy(POLICY_ID, 0, policyImported(), T0));
        history.add(commitment(financeId, 0, financeRegistered(), T0.plusSeconds(10)));
        history.add(commitment(financeId, 1, new ProgressReported(financeId, 40, 0, "完成可研批复", null, FINANCE_OFFICIAL), T0.plusSeconds(20)));
        history.add(commitment(financeId, 2, new DeadlineChangeRequested(financeId, "C1", "M1", LocalDate.of(2024, 6, 30),
                LocalDate.of(2024, 9, 30), "用地手续延迟", FINANCE_OFFICIAL), T0.plusSeconds(30)));
        history.add(commitment(financeId, 3, new DeadlineChangeApproved(financeId, "C1", "M1", LocalDate.of(2024, 6, 30),
                LocalDate.of(2024, 9, 30), "同意", OFFICE), T0.plusSeconds(40)));
        history.add(commitment(financeId, 4, new MajorIssueRaised(financeId, "I1", "征地受阻", "两户未签约", FINANCE_OFFICIAL), T0.plusSeconds(50)));
        history.add(commitment(financeId, 5, new io.duban.command.api.DueDateApproaching(financeId, "M1",
                LocalDate.of(2024, 9, 30), 7, Actor.schedule()), T0.plusSeconds(52)));
        history.add(commitment(financeId, 6, new io.duban.command.api.CommitmentUrged(financeId, "请报送征地进展", OFFICE),
                T0.plusSeconds(54)));
        history.add(commitment(cityId, 0, cityRegistered, T0.plusSeconds(60)));
        history.add(commitment(cityId, 1, new MilestoneBecameOverdue(cityId, "M1", LocalDate.of(2024, 3, 31),
                Actor.schedule()), T0.plusSeconds(62)));
        history.add(commitment(cityId, 2, new io.duban.command.api.EscalationStarted(cityId, "M1",
                LocalDate.of(2024, 3, 31), List.of(3, 7), Actor.schedule()), T0.plusSeconds(62)));
        history.add(commitment(cityId, 3, new io.duban.command.api.EscalationRaised(cityId, "M1",
                LocalDate.of(2024, 3, 31), 2, Actor.schedule()), T0.plusSeconds(63)));
        history.add(commitment(cityId, 4, new AlertAcknowledged(cityId, FINANCE_OFFICIAL), T0.plusSeconds(64)));
        history.add(commitment(cityId, 5, new io.duban.command.api.EscalationPaused(cityId, "M1",
                LocalDate.of(2024, 3, 31), 2, io.duban.command.api.EscalationPauseReason.ALERT_ACKNOWLEDGED,
                FINANCE_OFFICIAL), T0.plusSeconds(64)));
        history.add(commitment(cityId, 6, new MilestoneCompleted(cityId, "M1", "已到位", FINANCE_OFFICIAL), T0.plusSeconds(70)));
        history.add(commitment(cityId, 7, new io.duban.command.api.EscalationEnded(cityId, "M1",
                LocalDate.of(2024, 3, 31), 2, io.duban.command.api.EscalationEndReason.MILESTONE_COMPLETED,
                FINANCE_OFFICIAL), T0.plusSeconds(70)));
        history.add(commitment(cityId, 8, new MilestoneBecameOverdue(cityId, null, LocalDate.of(2024, 6, 30),
                Actor.schedule()), T0.plusSeconds(75)));
        history.add(commitment(cityId, 9, new CompletionClaimed(cityId, "配套已到位", FINANCE_OFFICIAL), T0.plusSeconds(80)));
        history.add(commitment(cityId, 10, new CompletionVerified(cityId, "同意办结", OFFICE), T0.plusSeconds(90)));
        history.add(official(WANG, 0, new OfficialAppointed(WANG, "王五", OfficialRole.OFFICIAL,
                List.of(FINANCE.unitId()), OFFICE), T0.plusSeconds(100)));
        history.add(official(ZHAO, 0, new OfficialAppointed(ZHAO, "赵六", OfficialRole.OFFICIAL,
                List.of(CITY.unitId()), OFFICE), T0.plusSeconds(110)));
        history.add(official(WANG, 1, new OfficialAppointed(WANG, "王五", OfficialRole.UNIT_LEADER,
                List.of(DEVELOPMENT.unitId(), FINANCE.unitId()), OFFICE), T0.plusSeconds(120)));
        history.add(official(ZHAO, 1, new OfficialRemoved(ZHAO, "调离", OFFICE), T0.plusSeconds(130)));
        history.add(message("DispatchRound", "2024-Q3", 0, new DispatchRoundOpened("2024-Q3", LocalDate.of(2024, 7, 1),
                LocalDate.of(2024, 9, 30), LocalDate.of(2024, 7, 12), List.of(cityId, financeId), Actor.schedule()),
                T0.plusSeconds(140)));
        history.add(message("DispatchRound", "2024-Q3", 1, new QuarterlyReportRecorded("2024-Q3", cityId, 100, "已办结",
                FINANCE_OFFICIAL, T0.plusSeconds(150), false, Actor.system("季度调度登记")), T0.plusSeconds(150)));
        history.add(message("DispatchRound", "2024-Q3", 2, new DispatchRoundClosed("2024-Q3", LocalDate.of(2024, 7, 1),
                LocalDate.of(2024, 9, 30), List.of(cityId), List.of(financeId), Actor.schedule()), T0.plusSeconds(160)));
        eventStore.publish(history);
        assertThat(rebuilder.awaitUpToDate(WAIT)).as("processors caught up: %s", rebuilder.statuses()).isTrue();
    }

    @AfterAll
    void stopMongo() {
        WIRE.close();
    }

    @Test
    void theScorecardIsSummedFromTheEventsAndARebuildGivesTheSameAnswer() {
        FindScorecard year = new FindScorecard(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31));
        Scorecard before = queryGateway.query(year, Scorecard.class).join();

        Scorecard.UnitScore city = before.units().get(0);
        assertThat(city.unitName()).isEqualTo(CITY.name());
        assertThat(city.rank()).isEqualTo(1);
        assertThat(List.of(city.milestonesDue(), city.milestonesOnTime(), city.reportsDue(), city.reportsOnTime()))
                .containsExactly(1, 1, 1, 1);
        assertThat(city.score()).isEqualTo(100.0);
        Scorecard.UnitScore finance = before.units().stream().filter(u -> u.unitId().equals(FINANCE.unitId()))
                .findFirst().orElseThrow();
        // M1 moved to 2024-09-30 (not due yet on 2024-07-12); the Q3 report never came and the round closed
        assertThat(List.of(finance.milestonesDue(), finance.reportsDue(), finance.reportsMissing(),
                finance.changesRequested(), finance.changesApproved(), finance.issuesRaised()))
                .containsExactly(0, 1, 1, 1, 1, 1);
        assertThat(finance.score()).isEqualTo(0.0);
        assertThat(finance.rank()).isEqualTo(2);

        // the scorecard alone: the whole-rebuild test samples the other views' progress from a fresh start
        mongo.getCollection("scorecard").deleteMany(new Document());
        rebuilder.rebuildAndWait("scorecard", WAIT);

        assertThat(queryGateway.query(year, Scorecard.class).join()).isEqualTo(before);
    }

    @Test
    void theOverdueHistoryIsFoldedFromTheEventsAndARebuildGivesTheSameAnswer() {
        FindOverdueHistory january = new FindOverdueHistory(LocalDate.of(2024, 1, 4), LocalDate.of(2024, 1, 6));
        OverdueHistory before = queryGateway.query(january, OverdueHistory.class).join();
        List<Document> documents = mongo.getCollection("overdue_history").find().into(new ArrayList<>());

        // only the city's dates passed unmet; both were met again on the same day, so no day ended with them open
        assertThat(documents).extracting(d -> d.getString("_id")).containsExactly(cityRegistered.commitmentId());
        assertThat(documents.get(0).getList("steps", Document.class)).extracting(s -> s.getString("kind"))
                .containsExactly("OVERDUE", "COMPLETED", "OVERDUE", "VERIFIED");
        assertThat(before.days()).extracting(d -> d.dueDates() + d.commitments()).containsExactly(0, 0, 0);

        mongo.getCollection("overdue_history").deleteMany(new Document());
        rebuilder.rebuildAndWait("overdue_history", WAIT);

        assertThat(queryGateway.query(january, OverdueHistory.class).join()).isEqualTo(before);
        assertThat(mongo.getCollection("overdue_history").find().into(new ArrayList<>())).isEqualTo(documents);
    }

    @Test
    void theBoardRowsAgreeWithTheCommitmentsAndARebuildGivesTheSameRowsAndDigests() {
        List<Document> all = mongo.getCollection("board_rows").find().sort(new Document("_id", 1)).into(new ArrayList<>());
        List<Document> rows = all.stream().filter(d -> !d.containsKey("digest")).toList();
        List<Document> digests = all.stream().filter(d -> d.containsKey("digest")).toList();
        List<Document> commitments = mongo.getCollection("commitments").find().sort(new Document("_id", 1))
                .into(new ArrayList<>());

        // one row per commitment, in the same state (a row skips the events that change nothing it holds, such as
        // the scheduler's overdue records, so its lastSequence may be lower)
        assertThat(rows).extracting(d -> d.getString("_id") + " " + d.getString("status") + " " + d.get("progress"))
                .containsExactlyElementsOf(commitments.stream()
                        .map(d -> d.getString("_id") + " " + d.getString("status") + " " + d.get("progress")).toList());
        assertThat(rows).extracting(d -> d.getList("milestones", Document.class).stream()
                        .map(m -> m.getString("dueDate") + m.getBoolean("completed")).toList())
                .containsExactlyElementsOf(commitments.stream().map(d -> d.getList("milestones", Document.class).stream()
                        .map(m -> m.getString("dueDate") + m.getBoolean("completed")).toList()).toList());

        // one digest per unit with commitments, one entry per row, at the row's sequence
        assertThat(digests).extracting(d -> d.getString("unitId")).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(rows.stream().map(d -> d.getString("unitId")).distinct().toList());
        assertThat(digests.stream().flatMap(d -> d.get("rows", Document.class).values().stream())
                .map(e -> ((Document) e).getString("id") + " " + ((Document) e).get("seq")).sorted().toList())
                .containsExactlyElementsOf(rows.stream().map(d -> d.getString("_id") + " " + d.get("lastSequence")).toList());

        mongo.getCollection("board_rows").deleteMany(new Document());
        rebuilder.rebuildAndWait("board_rows", WAIT);

        assertThat(mongo.getCollection("board_rows").find().sort(new Document("_id", 1)).into(new ArrayList<>()))
                .isEqualTo(all);
    }

    @Test
    void boardRowsWrittenBeforeTheDigestsAreRebuiltAtStartUpAndTheOtherViewsAreLeftAlone() throws InterruptedException {
        // given board rows as the projection wrote them before it kept unit digests
        long digests = mongo.getCollection("board_rows").countDocuments(new Document("digest", true));
        assertThat(digests).isPositive();
        mongo.getCollection("board_rows").deleteMany(new Document("digest", true));

        // when the start-up check runs
        List<String> rebuilt = recovery.recover();
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (mongo.getCollection("board_rows").countDocuments(new Document("digest", true)) < digests
                && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(rebuilder.awaitUpToDate(WAIT)).isTrue();

        // then
        assertThat(rebuilt).containsExactly("board_rows");
        assertThat(mongo.getCollection("board_rows").countDocuments(new Document("digest", true))).isEqualTo(digests);
        assertThat(recovery.recover()).as("up to date now").isEmpty();
    }

    @Test
    void everyViewProcessorPropagatesHandlerErrors() {
        for (String group : ProcessingGroups.ALL) {
            assertThat(processing.listenerInvocationErrorHandler(group)).as(group).isSameAs(PropagatingErrorHandler.INSTANCE);
            assertThat(processing.eventProcessorByProcessingGroup(group)).as(group)
                    .hasValueSatisfying(processor -> assertThat(processor.getName()).isEqualTo(group));
        }
    }

    @Test
    void rebuildingGivesTheSameDocuments() {
        // given
        Map<String, List<Document>> before = snapshot();
        assertThat(before.get("commitments")).hasSize(2);
        assertThat(before.get("timeline")).hasSize(23);
        assertThat(before.get("officials")).hasSize(2);
        assertThat(before.get("scorecard")).extracting(d -> d.getString("_id"))
                .containsExactlyInAnyOrder("round:2024-Q3", "unit:" + CITY.unitId() + "~" + POLICY_ID,
                        "unit:" + FINANCE.unitId() + "~" + POLICY_ID);
        // Tamper with every view: only a real drop and replay brings the originals back.
        for (ProjectedView view : views) {
            mongo.getCollection(view.collectionName()).updateMany(new Document(), new Document("$set", new Document("tampered", true)));
        }
        mongo.getCollection("commitments").deleteMany(new Document());

        // when: another thread samples the progress while the rebuild runs
        List<Long> commitmentsDone = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.concurrent.atomic.AtomicBoolean rebuilding = new java.util.concurrent.atomic.AtomicBoolean(true);
        Thread sampler = new Thread(() -> {
            while (rebuilding.get()) {
                rebuilder.statuses().stream().filter(s -> s.view().equals("commitments")).findFirst()
                        .filter(s -> s.rebuildStartedAt() != null)
                        .ifPresent(s -> commitmentsDone.add(s.eventsDone()));
            }
        });
        sampler.start();
        try {
            rebuilder.rebuildAndWait(WAIT);
        } finally {
            rebuilding.set(false);
        }
        assertThat(joined(sampler)).isTrue();

        // then
        assertThat(commitmentsDone).as("progress never goes back").isSorted();
        assertThat(rebuilder.statuses()).allSatisfy(status -> {
            assertThat(status.eventsTotal()).as(status.view()).isEqualTo(status.headPosition() + 1).isPositive();
            assertThat(status.eventsDone()).as(status.view()).isEqualTo(status.eventsTotal());
            assertThat(status.eventsPerSecond()).as(status.view()).isPositive();
            assertThat(status.rebuildStartedAt()).as(status.view()).isNotNull();
            assertThat(status.estimatedEnd()).as(status.view()).isAfterOrEqualTo(status.rebuildStartedAt());
            assertThat(status.progress()).contains(status.eventsTotal() + "/" + status.eventsTotal() + " events (100.0 %)");
        });
        Map<String, List<Document>> after = snapshot();
        for (String view : before.keySet()) {
            assertThat(after.get(view)).as(view).isNotEmpty().hasSameSizeAs(before.get(view));
            for (int i = 0; i < before.get(view).size(); i++) {
                assertThat(after.get(view).get(i)).as("%s document %s", view, before.get(view).get(i).get("_id"))
                        .isEqualTo(before.get(view).get(i));
            }
        }
        assertThat(rebuilder.statuses()).allSatisfy(status -> {
            assertThat(status.upToDate()).as(status.view()).isTrue();
            assertThat(status.tokenPosition()).isEqualTo(status.headPosition());
        });
    }

    @Test
    void readsDuringARebuildAlwaysSeeTheCompleteOldOrNewDocuments() {
        // given
        Map<String, List<Document>> before = snapshot();
        List<String> differences = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.concurrent.atomic.AtomicBoolean rebuilding = new java.util.concurrent.atomic.AtomicBoolean(true);
        java.util.concurrent.atomic.AtomicInteger reads = new java.util.concurrent.atomic.AtomicInteger();
        Thread reader = new Thread(() -> {
            while (rebuilding.get()) {
                for (String view : List.of("commitments", "timeline", "items")) {
                    List<Document> now = mongo.getCollection(view).find().sort(new Document("_id", 1))
                            .into(new ArrayList<>());
                    reads.incrementAndGet();
                    if (!now.equals(before.get(view))) {
                        differences.add(view + ": " + now.size() + " documents instead of " + before.get(view).size());
                    }
                }
            }
        });
        reader.start();

        // when
        try {
            rebuilder.rebuildAndWait(WAIT);
        } finally {
            rebuilding.set(false);
        }

        // then: no read ever saw an empty, partial or different view, and the rebuilt views are the originals
        assertThat(joined(reader)).isTrue();
        assertThat(reads.get()).isGreaterThan(3);
        assertThat(differences).isEmpty();
        assertThat(snapshot()).isEqualTo(before);
        assertThat(rebuilder.statuses()).allSatisfy(status ->
                assertThat(status.writingTo()).as(status.view()).isEqualTo(status.collection()));
    }

    private static boolean joined(Thread thread) {
        try {
            thread.join(WAIT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return !thread.isAlive();
    }

    private Map<String, List<Document>> snapshot() {
        Map<String, List<Document>> documents = new LinkedHashMap<>();
        for (ProjectedView view : views) {
            documents.put(view.viewName(), mongo.getCollection(view.collectionName()).find()
                    .sort(Sorts.ascending("_id")).into(new ArrayList<>()));
        }
        return documents;
    }

    @Test
    void asOfNowTheBoardAndACommitmentEqualTodaysViewsAndEarlierTheyDiffer() throws Exception {
        ObjectMapper json = new ObjectMapper();
        String now = "2024-07-12T01:00:00Z"; // the test clock, 09:00 in Shanghai
        JsonNode today = json.readTree(http.perform(get("/api/items").param("policyId", POLICY_ID))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        JsonNode asOf = json.readTree(http.perform(get("/api/as-of/board").param("policyId", POLICY_ID).param("at", now))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.at").value(now))
                .andExpect(jsonPath("$.day").value("2024-07-12"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(asOf.get("items")).isEqualTo(today);

        JsonNode detailToday = json.readTree(http.perform(get("/api/commitments/" + financeId))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        JsonNode detailAsOf = json.readTree(http.perform(get("/api/as-of/commitments/" + financeId).param("at", now))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(detailAsOf.get("commitment")).isEqualTo(detailToday);

        // 10 s after T0 finance had registered, 20 s after it reported 40 %
        http.perform(get("/api/as-of/commitments/" + financeId).param("at", "2024-01-05T02:00:15Z"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.events").value(1))
                .andExpect(jsonPath("$.commitment.commitment.progress").value(0));
        http.perform(get("/api/as-of/commitments/" + financeId).param("at", "2024-01-05T02:00:20Z"))
                .andExpect(jsonPath("$.commitment.commitment.progress").value(40));
        http.perform(get("/api/as-of/commitments/" + financeId).param("at", "2024-01-05T02:00:09Z"))
                .andExpect(status().isNotFound());
        http.perform(get("/api/as-of/board").param("policyId", POLICY_ID).param("at", "2024-01-04"))
                .andExpect(status().isNotFound());
        http.perform(get("/api/as-of/board").param("policyId", POLICY_ID).param("at", "yesterday"))
                .andExpect(status().isBadRequest());
        http.perform(get("/api/as-of/board").param("policyId", POLICY_ID).param("at", "2024-01-05"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items.length()").value(2));
    }

    @Test
    void policiesAreServedAsUtf8Json() throws Exception {
        String body = http.perform(get("/api/policies"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$[0].policyId").value(POLICY_ID))
                .andExpect(jsonPath("$[0].importedAt").value("2024-01-05T02:00:00Z"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(body).contains("内政发〔2023〕1号");

        http.perform(get("/api/policies/" + POLICY_ID))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.itemCount").value(2));
        http.perform(get("/api/policies/" + POLICY_ID + "/timeline"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].kind").value("policy"))
                .andExpect(jsonPath("$[0].type").value("PolicyImported"));
    }

    @Test
    void theItemBoardShowsProgressAndLights() throws Exception {
        http.perform(get("/api/items").param("policyId", POLICY_ID))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(2))
                .andExpect(jsonPath("$[0].item.number").value(1))
                .andExpect(jsonPath("$[0].progress.overallProgress").value(20.0))
                .andExpect(jsonPath("$[0].progress.unregisteredUnits").value(1))
                .andExpect(jsonPath("$[0].light.color").value("YELLOW"))
                .andExpect(jsonPath("$[0].light.label").value("预警"))
                .andExpect(jsonPath("$[0].commitments.length()").value(2))
                .andExpect(jsonPath("$[1].light.color").value("NONE"));

        http.perform(get("/api/items/" + POLICY_ID + "/1"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.commitments[1].commitment.milestones[0].dueDate").value("2024-09-30"));
    }

    @Test
    void unitsAndTheirBoards() throws Exception {
        http.perform(get("/api/units"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(4));
        http.perform(get("/api/units/" + CITY.unitId()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.unit.name").value("呼和浩特市人民政府"))
                .andExpect(jsonPath("$.rows[0].light.color").value("DONE"))
                .andExpect(jsonPath("$.rows[1].light.color").value("NONE"))
                .andExpect(jsonPath("$.lights.DONE").value(1));
    }

    @Test
    void commitmentsWithLightsDetailAndTimeline() throws Exception {
        http.perform(get("/api/commitments").param("light", "yellow"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].unitId").value(FINANCE.unitId()));
        http.perform(get("/api/commitments").param("unitId", CITY.unitId()).param("itemNumber", "1"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].status").value("VERIFIED"))
                .andExpect(jsonPath("$[0].progress").value(100));

        http.perform(get("/api/commitments/" + financeId))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.commitment.commitmentId").value(financeId))
                .andExpect(jsonPath("$.commitment.openIssues[0].summary").value("征地受阻"))
                .andExpect(jsonPath("$.light.reasons[0]").value("存在 1 项未解决的重大事项：征地受阻"));

        http.perform(get("/api/commitments/" + financeId + "/timeline"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(7))
                .andExpect(jsonPath("$[1].summary").value("报告进度 40%：完成可研批复"))
                .andExpect(jsonPath("$[5].summary").value("里程碑 M1「完成可研批复」还有 7 个工作日到期（截止 2024-09-30）"))
                .andExpect(jsonPath("$[6].summary").value("办公室催办：请报送征地进展"))
                .andExpect(jsonPath("$[3].summary").value("办公室批准延期：M1 截止日期由 2024-06-30 调整为 2024-09-30（同意）"))
                .andExpect(jsonPath("$[3].unitId").value(FINANCE.unitId()))
                .andExpect(jsonPath("$[3].channel").value("WEB"));
    }

    @Test
    void theDirectoryOfOfficialsWithUnitNamesAndHistory() throws Exception {
        http.perform(get("/api/officials"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].userId").value(WANG))
                .andExpect(jsonPath("$[0].role").value("UNIT_LEADER"))
                .andExpect(jsonPath("$[0].units[0].name").value("自治区发展改革委"))
                .andExpect(jsonPath("$[0].units[0].since").value("2024-01-05T02:02:00Z"))
                .andExpect(jsonPath("$[0].units[1].name").value("自治区财政厅"))
                .andExpect(jsonPath("$[0].units[1].since").value("2024-01-05T02:01:40Z"));
        http.perform(get("/api/officials").param("active", "false").param("unitId", CITY.unitId()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].userId").value(ZHAO))
                .andExpect(jsonPath("$[0].active").value(false))
                .andExpect(jsonPath("$[0].removalReason").value("调离"));
        http.perform(get("/api/officials").param("role", "official").param("active", "FALSE"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].name").value("赵六"));

        http.perform(get("/api/officials/" + WANG))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("王五"))
                .andExpect(jsonPath("$.history.length()").value(2))
                .andExpect(jsonPath("$.history[0].role").value("OFFICIAL"))
                .andExpect(jsonPath("$.history[0].units[0].name").value("自治区财政厅"))
                .andExpect(jsonPath("$.history[1].by.name").value("王主任"))
                .andExpect(jsonPath("$.history[1].channel").value("WEB"));
    }

    @Test
    void aCommitmentShowsItsMissedDatesAndTheLastAcknowledgement() throws Exception {
        http.perform(get("/api/commitments/" + cityRegistered.commitmentId()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.commitment.milestones[0].completed").value(true))
                .andExpect(jsonPath("$.commitment.milestones[0].overdue").value(false))
                .andExpect(jsonPath("$.commitment.milestones[0].overdueDueDate").value("2024-03-31"))
                .andExpect(jsonPath("$.commitment.milestones[0].overdueSince").value("2024-01-05T02:01:02Z"))
                .andExpect(jsonPath("$.commitment.finalDueDateOverdue.dueDate").value("2024-06-30"))
                .andExpect(jsonPath("$.commitment.finalDueDateOverdue.open").value(false))
                .andExpect(jsonPath("$.commitment.finalDueDateOverdue.closedBy").value("VERIFIED"))
                .andExpect(jsonPath("$.commitment.lastAcknowledgedAt").value("2024-01-05T02:01:04Z"))
                .andExpect(jsonPath("$.commitment.lastAcknowledgedBy.name").value("李处长"));
        http.perform(get("/api/commitments/" + cityRegistered.commitmentId() + "/timeline"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(11))
                .andExpect(jsonPath("$[1].summary").value("里程碑 M1「配套到位」已逾期（截止 2024-03-31）"))
                .andExpect(jsonPath("$[1].channel").value("SCHEDULE"))
                .andExpect(jsonPath("$[2].summary").value("里程碑 M1「配套到位」逾期，启动督办升级（逾期 3/7 个工作日后逐级升级）"))
                .andExpect(jsonPath("$[3].summary").value("里程碑 M1「配套到位」督办升级至二级（单位领导）"))
                .andExpect(jsonPath("$[4].summary").value("确认收到督办提醒"))
                .andExpect(jsonPath("$[4].messageId").value("msg-42"))
                .andExpect(jsonPath("$[5].summary").value("里程碑 M1「配套到位」督办升级暂停于2级（已确认收到）"))
                .andExpect(jsonPath("$[7].summary").value("里程碑 M1「配套到位」督办升级结束（里程碑已完成）"))
                .andExpect(jsonPath("$[8].summary").value("总体完成时限 2024-06-30 已过，尚未办结"));
    }

    @Test
    void aPersonsTimelineNamesTheUnits() throws Exception {
        http.perform(get("/api/officials/" + WANG + "/timeline"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(2))
                .andExpect(jsonPath("$[0].kind").value("official"))
                .andExpect(jsonPath("$[0].aggregateId").value(WANG))
                .andExpect(jsonPath("$[0].summary").value("人员名录：任命 王五 为 自治区财政厅 工作人员"))
                .andExpect(jsonPath("$[1].summary").value("人员名录：调整 王五 为 自治区发展改革委、自治区财政厅 负责人"))
                .andExpect(jsonPath("$[1].actor.name").value("王主任"));
        http.perform(get("/api/officials/" + ZHAO + "/timeline"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[1].summary").value("人员名录：移出 赵六（调离）"));
    }

    @Test
    void unknownIdsAnswer404ProblemDetails() throws Exception {
        http.perform(get("/api/commitments/nzf-2023-1.9.u00000000"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(404))
                .andExpect(jsonPath("$.detail").value("未找到承诺事项：nzf-2023-1.9.u00000000"))
                .andExpect(jsonPath("$.code").value("not-found"));
        http.perform(get("/api/commitments/nope/timeline")).andExpect(status().isNotFound());
        http.perform(get("/api/policies/nope")).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("未找到政策文件：nope"));
        http.perform(get("/api/items/" + POLICY_ID + "/99")).andExpect(status().isNotFound());
        http.perform(get("/api/items").param("policyId", "nope")).andExpect(status().isNotFound());
        http.perform(get("/api/units/nope")).andExpect(status().isNotFound());
        http.perform(get("/api/officials/nope/timeline")).andExpect(status().isNotFound());
        http.perform(get("/api/officials/" + POLICY_ID + "/timeline")).andExpect(status().isNotFound());
        http.perform(get("/api/officials/nope")).andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("未找到人员：nope"));
    }

    @Test
    void badParametersAnswer400ProblemDetails() throws Exception {
        http.perform(get("/api/commitments").param("light", "PURPLE"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("参数 light 只能是 NONE、DONE、GREEN、YELLOW、RED 之一，收到：PURPLE"))
                .andExpect(jsonPath("$.code").value("input.bad-parameter"));
        http.perform(get("/api/items/" + POLICY_ID + "/abc"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("参数 number 应为正整数，收到：abc"));
        http.perform(get("/api/commitments").param("itemNumber", "x")).andExpect(status().isBadRequest());
        http.perform(post("/api/admin/views/rebuild").param("view", "bogus"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("未知视图：bogus，可选：policies、items、units、commitments、timeline、officials、dispatch_rounds、scorecard、overdue_history、board_rows"));
        http.perform(get("/api/officials").param("role", "BOSS"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("参数 role 只能是 OFFICIAL、UNIT_LEADER、OFFICE、INSPECTOR 之一，收到：BOSS"));
        http.perform(get("/api/officials").param("active", "maybe"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("参数 active 只能是 true 或 false，收到：maybe"));
    }

    @Test
    void theAdminApiShowsAndRebuildsViews() throws Exception {
        http.perform(get("/api/admin/views"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(10))
                .andExpect(jsonPath("$[?(@.view == 'commitments')].processor").value("commitments-view"))
                .andExpect(jsonPath("$[?(@.view == 'officials')].processor").value("officials-view"))
                .andExpect(jsonPath("$[?(@.view == 'commitments')].documentCount").value(2));

        http.perform(post("/api/admin/views/rebuild").param("view", "timeline"))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].processor").value("timeline-view"));

        assertThat(rebuilder.awaitUpToDate(WAIT)).isTrue();
        List<ViewStatus> statuses = rebuilder.statuses();
        assertThat(statuses).filteredOn(s -> s.view().equals("timeline")).singleElement()
                .satisfies(s -> assertThat(s.documentCount()).isEqualTo(23));
    }

    @Test
    void dispatchRoundsAndTheirDigestAsJsonCsvAndHtml() throws Exception {
        http.perform(get("/api/dispatch-rounds"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].roundId").value("2024-Q3"))
                .andExpect(jsonPath("$[0].status").value("CLOSED"));
        http.perform(get("/api/dispatch-rounds/2024-Q3"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.notReported[0]").value(financeId))
                .andExpect(jsonPath("$.reportDeadline").value("2024-07-12"));
        http.perform(get("/api/dispatch-rounds/2024-Q3/digest"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.asOf").value("2024-09-30"))
                .andExpect(jsonPath("$.totals.total").value(2))
                .andExpect(jsonPath("$.totals.done").value(1))
                .andExpect(jsonPath("$.notReported[0].unitName").value("自治区财政厅"));
        byte[] csv = http.perform(get("/api/dispatch-rounds/2024-Q3/digest.csv"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/csv"))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(csv).startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
        assertThat(new String(csv, StandardCharsets.UTF_8)).contains("自治区财政厅");
        String html = http.perform(get("/api/dispatch-rounds/2024-Q3/digest.html"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("2024-Q3 季度调度汇总").contains("未报送季度进度的单位");
        http.perform(get("/api/dispatch-rounds/2030-Q1/digest"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }
}

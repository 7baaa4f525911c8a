package io.duban.query.board;

import io.duban.query.api.board.FindCommitments;
import io.duban.query.api.board.CommitmentSummary;
import io.duban.query.api.commitment.CommitmentView;
import io.duban.command.api.CommitmentRegistered;
import io.duban.command.api.CommitmentReopened;
import io.duban.command.api.CompletionClaimed;
import io.duban.command.api.CompletionVerified;
import io.duban.command.api.DeadlineChangeApproved;
import io.duban.command.api.Milestone;
import io.duban.command.api.MilestoneCompleted;
import io.duban.command.api.ResponsibleUnit;
import io.duban.query.commitment.CommitmentReader;
import io.duban.query.commitment.CommitmentsProjection;
import io.duban.query.fixtures.WireMongoTest;
import io.duban.query.light.BoardProperties;
import io.duban.query.api.light.LightColor;
import io.duban.query.light.TrafficLights;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static io.duban.query.fixtures.EventMessages.commitment;
import static io.duban.query.fixtures.SampleEvents.CITY;
import static io.duban.query.fixtures.SampleEvents.DEVELOPMENT;
import static io.duban.query.fixtures.SampleEvents.FINANCE;
import static io.duban.query.fixtures.SampleEvents.FINANCE_OFFICIAL;
import static io.duban.query.fixtures.SampleEvents.OFFICE;
import static io.duban.query.fixtures.SampleEvents.TRANSPORT;
import static io.duban.query.fixtures.SampleEvents.registered;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The overdue list is narrowed in MongoDB before the lights are computed: that filter must never drop a commitment
 * the light calls overdue. Random histories (milestones completed, deadlines moved, claims, verifications, reopenings)
 * are projected into the real wire server, then the narrowed list is compared with judging every commitment.
 */
class OverdueFilterTest extends WireMongoTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final LocalDate BASE = LocalDate.of(2025, 6, 1);
    private static final Instant T0 = Instant.parse("2024-01-05T02:00:00Z");
    private static final List<ResponsibleUnit> UNITS = List.of(FINANCE, DEVELOPMENT, TRANSPORT, CITY);

    private CommitmentReader reader;

    @BeforeEach
    void givenRandomHistoriesProjected() {
        CommitmentsProjection projection = new CommitmentsProjection(mongo);
        Random random = new Random(20231);
        for (int item = 1; item <= 100; item++) {
            for (ResponsibleUnit unit : UNITS) {
                if (random.nextInt(5) == 0) {
                    continue; // not registered
                }
                project(projection, random, item, unit);
            }
        }
        reader = new CommitmentReader(mongo);
    }

    private static void project(CommitmentsProjection projection, Random random, int item, ResponsibleUnit unit) {
        LocalDate start = BASE.minusDays(200 + random.nextInt(100));
        LocalDate due = BASE.plusDays(random.nextInt(120) - 60);
        List<Milestone> milestones = new ArrayList<>();
        int count = random.nextInt(4);
        for (int m = 1; m <= count; m++) {
            milestones.add(new Milestone("M" + m, "节点" + m, BASE.plusDays(random.nextInt(120) - 80)));
        }
        CommitmentRegistered registered = registered(item, unit, start, due, milestones);
        String id = registered.commitmentId();
        long sequence = 0;
        projection.on(registered, commitment(id, sequence++, registered, T0));
        for (Milestone milestone : milestones) {
            switch (random.nextInt(4)) {
                case 0 -> {
                    var completed = new MilestoneCompleted(id, milestone.milestoneId(), "已完成", FINANCE_OFFICIAL);
                    projection.on(completed, commitment(id, sequence++, completed, T0.plusSeconds(sequence)));
                }
                case 1 -> {
                    var moved = new DeadlineChangeApproved(id, "c" + sequence, milestone.milestoneId(),
                            milestone.dueDate(), milestone.dueDate().plusDays(random.nextInt(60)), "同意", OFFICE);
                    projection.on(moved, commitment(id, sequence++, moved, T0.plusSeconds(sequence)));
                }
                default -> {
                    // left open
                }
            }
        }
        if (random.nextInt(4) == 0) {
            var moved = new DeadlineChangeApproved(id, "c" + sequence, null, due, due.plusDays(random.nextInt(90)),
                    "同意", OFFICE);
            projection.on(moved, commitment(id, sequence++, moved, T0.plusSeconds(sequence)));
        }
        int fate = random.nextInt(6);
        if (fate >= 3) {
            var claimed = new CompletionClaimed(id, "已完成", FINANCE_OFFICIAL);
            projection.on(claimed, commitment(id, sequence++, claimed, T0.plusSeconds(sequence)));
        }
        if (fate >= 4) {
            var verified = new CompletionVerified(id, "同意办结", OFFICE);
            projection.on(verified, commitment(id, sequence++, verified, T0.plusSeconds(sequence)));
        }
        if (fate == 5) {
            var reopened = new CommitmentReopened(id, "核查发现未完成", OFFICE);
            projection.on(reopened, commitment(id, sequence++, reopened, T0.plusSeconds(sequence)));
        }
    }

    @Test
    void theNarrowedOverdueListEqualsJudgingEveryCommitment() {
        for (int offset = -90; offset <= 90; offset += 15) {
            // given
            LocalDate today = BASE.plusDays(offset);
            TrafficLights lights = lightsOn(today);
            CommitmentQueries queries = new CommitmentQueries(reader, lights);

            // when
            List<String> narrowed = queries.handle(new FindCommitments(null, null, null, LightColor.RED)).stream()
                    .map(CommitmentSummary::commitmentId).toList();

            // then
            List<String> judgedOneByOne = reader.find(null, null, null).stream()
                    .filter(c -> lights.of(c).color() == LightColor.RED).map(c -> c.commitmentId()).toList();
            assertThat(narrowed).as("overdue on %s", today).containsExactlyElementsOf(judgedOneByOne);
        }
    }

    @Test
    void theBoardsTrimmedCommitmentsGetTheSameLightsAndRowsAsTheWholeOnes() {
        List<CommitmentView> whole = reader.find(null, null, null);
        List<CommitmentView> trimmed = reader.findForBoard(null, null, null);
        assertThat(trimmed).extracting(CommitmentView::commitmentId)
                .containsExactlyElementsOf(whole.stream().map(CommitmentView::commitmentId).toList());
        for (int offset = -90; offset <= 90; offset += 30) {
            TrafficLights lights = lightsOn(BASE.plusDays(offset));
            for (int i = 0; i < whole.size(); i++) {
                // the light with its reasons and the board row, field by field
                assertThat(lights.of(trimmed.get(i))).isEqualTo(lights.of(whole.get(i)));
                assertThat(CommitmentSummary.of(trimmed.get(i), lights.of(trimmed.get(i))))
                        .isEqualTo(CommitmentSummary.of(whole.get(i), lights.of(whole.get(i))));
            }
        }
    }

    @Test
    void theRandomHistoriesCoverBothSidesOfEveryRule() {
        // given: a day in the middle of the generated deadlines
        TrafficLights lights = lightsOn(BASE);

        // when
        var all = reader.find(null, null, null);
        var overdue = reader.findPossiblyOverdue(null, null, null, BASE, 0);

        // then: the comparison above is worth something only if it sees overdue and non-overdue commitments of
        // every status, and the filter leaves most of them out
        assertThat(all.stream().filter(c -> lights.of(c).color() == LightColor.RED).count()).isGreaterThan(20);
        assertThat(all.stream().filter(c -> lights.of(c).color() != LightColor.RED).count()).isGreaterThan(20);
        assertThat(all).extracting(c -> c.status().name()).contains("OPEN", "COMPLETION_CLAIMED", "VERIFIED");
        assertThat(overdue.size()).isLessThan(all.size());
        assertThat(overdue).allSatisfy(c -> assertThat(lights.of(c).color()).isEqualTo(LightColor.RED));
    }

    @Test
    void theUnitFilterStillApplies() {
        // given
        TrafficLights lights = lightsOn(BASE);
        CommitmentQueries queries = new CommitmentQueries(reader, lights);

        // when
        List<CommitmentSummary> financeOverdue = queries.handle(new FindCommitments(FINANCE.unitId(), null, null,
                LightColor.RED));

        // then
        assertThat(financeOverdue).isNotEmpty().allSatisfy(c -> assertThat(c.unitId()).isEqualTo(FINANCE.unitId()));
        assertThat(financeOverdue).hasSize((int) reader.find(FINANCE.unitId(), null, null).stream()
                .filter(c -> lights.of(c).color() == LightColor.RED).count());
    }

    private static TrafficLights lightsOn(LocalDate today) {
        Clock clock = Clock.fixed(today.atTime(9, 0).atZone(SHANGHAI).toInstant(), SHANGHAI);
        return new TrafficLights(clock, new BoardProperties(14, 10));
    }
}

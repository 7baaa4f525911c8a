package io.duban.bot.inbound;

import io.duban.bot.BotWorld;
import io.duban.bot.TestProperties;
import io.duban.command.api.AcknowledgeAlert;
import io.duban.command.api.ClaimCompletion;
import io.duban.command.api.CommandRefusedException;
import io.duban.command.api.CommitmentId;
import io.duban.command.api.CompleteMilestone;
import io.duban.command.api.OfficialRole;
import io.duban.command.api.RaiseMajorIssue;
import io.duban.command.api.ReportProgress;
import io.duban.command.api.RequestDeadlineChange;
import io.duban.dingtalk.fake.FakeDingTalk;
import io.duban.dingtalk.fake.FakeDingTalkSettings;
import io.duban.bot.fake.MutableClock;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which commitment "#31" means: the sender's unit's, by {@link CommitmentId#of} — no copy of the commitment is read,
 * so a commitment the read side does not know yet still gets the reply; one that does not exist is refused by the
 * aggregate and the official told so in Chinese. The read side only adds to the wording.
 */
class ReplyResolutionTest {

    private static final String FINANCE = "uc88ba393";
    private static final String EDUCATION = "u2f4e01aa";
    private static final String OFFICIAL = "czt-liming";

    private final BotWorld world = new BotWorld();
    private final List<Object> commands = new CopyOnWriteArrayList<>();
    /** The commitments the write side holds: commands to any other id fail as Axon fails them. */
    private final Set<String> existing = new java.util.concurrent.ConcurrentSkipListSet<>();
    private FakeDingTalk fake;
    private ReplyHandler handler;

    @BeforeEach
    void start() {
        fake = FakeDingTalk.start(FakeDingTalkSettings.generated(), new MutableClock(Instant.now()), 0);
        SimpleCommandBus bus = SimpleCommandBus.builder().build();
        for (Class<?> type : List.of(ReportProgress.class, CompleteMilestone.class, ClaimCompletion.class,
                RequestDeadlineChange.class, RaiseMajorIssue.class, AcknowledgeAlert.class)) {
            bus.subscribe(type.getName(), this::handle);
        }
        handler = new ReplyHandler(world.readSide(), DefaultCommandGateway.builder().commandBus(bus).build(),
                TestProperties.connectedTo(fake));
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    private Object handle(CommandMessage<?> message) {
        Object command = message.getPayload();
        String id = command instanceof ReportProgress c ? c.commitmentId()
                : command instanceof CompleteMilestone c ? c.commitmentId()
                : command instanceof ClaimCompletion c ? c.commitmentId()
                : command instanceof RequestDeadlineChange c ? c.commitmentId()
                : command instanceof RaiseMajorIssue c ? c.commitmentId()
                : ((AcknowledgeAlert) command).commitmentId();
        if (!existing.contains(id)) {
            throw new AggregateNotFoundException(id, "The aggregate was not found in the event store");
        }
        commands.add(command);
        if (command instanceof ClaimCompletion c && c.completingOpenMilestones()) {
            return world.openMilestones(id);
        }
        return command instanceof RequestDeadlineChange ? "D1" : command instanceof RaiseMajorIssue ? "I1" : null;
    }

    @Test
    void a_reply_reaches_a_commitment_the_read_side_does_not_know_yet() {
        world.appoint(OFFICIAL, "李明", OfficialRole.OFFICIAL, FINANCE);
        existing.add(CommitmentId.of(TestProperties.POLICY, 31, FINANCE));

        ReplyOutcome outcome = handler.handle(message("#31 进度 80% 完成摸底调查"));

        assertThat(outcome.kind()).isEqualTo(ReplyOutcome.Kind.RECORDED);
        assertThat(outcome.answer()).startsWith("已记录：#31（" + FINANCE + "）总体进度 80%，说明：完成摸底调查");
        assertThat(commands).singleElement().isInstanceOfSatisfying(ReportProgress.class,
                c -> assertThat(c.commitmentId()).isEqualTo(CommitmentId.of(TestProperties.POLICY, 31, FINANCE)));
    }

    @Test
    void a_reply_about_a_commitment_that_does_not_exist_is_refused_helpfully_and_records_nothing() {
        world.appoint(OFFICIAL, "李明", OfficialRole.OFFICIAL, FINANCE);

        ReplyOutcome outcome = handler.handle(message("#58 进度 90%"));

        assertThat(outcome.kind()).isEqualTo(ReplyOutcome.Kind.REFUSED);
        assertThat(outcome.answer()).isEqualTo("未记录：您所在单位没有第 58 项的承诺，只能办理本单位的承诺。"
                + "回复“我的承诺”可查看本单位的编号。");
        assertThat(commands).isEmpty();
    }

    @Test
    void a_sender_of_two_units_both_listed_for_the_item_is_asked_which_and_nothing_is_recorded() {
        world.appoint(OFFICIAL, "李明", OfficialRole.OFFICIAL, List.of(FINANCE, EDUCATION));
        existing.add(world.register(FINANCE, "自治区财政厅", 31));
        existing.add(world.register(EDUCATION, "自治区教育厅", 31));

        ReplyOutcome outcome = handler.handle(message("#31 进度 80%"));

        assertThat(outcome.kind()).isEqualTo(ReplyOutcome.Kind.REFUSED);
        assertThat(outcome.answer()).contains("您代表的几个单位都有第 31 项的承诺");
        assertThat(commands).isEmpty();
    }

    @Test
    void a_sender_of_two_units_reaches_the_one_the_item_lists() {
        world.appoint(OFFICIAL, "李明", OfficialRole.OFFICIAL, List.of(FINANCE, EDUCATION));
        existing.add(world.register(EDUCATION, "自治区教育厅", 31));

        ReplyOutcome outcome = handler.handle(message("#31 进度 80%"));

        assertThat(outcome.answer()).startsWith("已记录：#31（自治区教育厅）总体进度 80%（原 0%）");
        assertThat(commands).singleElement().isInstanceOfSatisfying(ReportProgress.class,
                c -> assertThat(c.commitmentId()).isEqualTo(CommitmentId.of(TestProperties.POLICY, 31, EDUCATION)));
    }

    @Test
    void completion_reaches_the_open_milestones_in_the_same_command() {
        world.appoint(OFFICIAL, "李明", OfficialRole.OFFICIAL, FINANCE);
        String id = world.register(FINANCE, "自治区财政厅", 31);
        existing.add(id);

        ReplyOutcome outcome = handler.handle(message("#31 已完成 补助已拨付"));

        assertThat(outcome.answer()).isEqualTo("已记录：#31（自治区财政厅）已申请办结，同时标记里程碑 M1 已完成，"
                + "等待领导小组办公室核验。");
        assertThat(commands).singleElement().isInstanceOfSatisfying(ClaimCompletion.class,
                c -> assertThat(c.completingOpenMilestones()).isTrue());
    }

    @Test
    void completion_of_a_commitment_whose_milestones_are_done_names_none() {
        world.appoint(OFFICIAL, "李明", OfficialRole.OFFICIAL, FINANCE);
        String id = world.register(FINANCE, "自治区财政厅", 31);
        world.completeMilestone(id);
        existing.add(id);

        ReplyOutcome outcome = handler.handle(message("#31 已完成 补助已拨付"));

        assertThat(commands).singleElement().isInstanceOf(ClaimCompletion.class);
        assertThat(outcome.answer()).isEqualTo("已记录：#31（自治区财政厅）已申请办结，等待领导小组办公室核验。");
    }

    @Test
    void a_refused_claim_records_nothing_and_says_so() {
        world.appoint(OFFICIAL, "李明", OfficialRole.OFFICIAL, FINANCE);
        String id = world.register(FINANCE, "自治区财政厅", 31);
        existing.add(id);
        SimpleCommandBus bus = SimpleCommandBus.builder().build();
        bus.subscribe(CompleteMilestone.class.getName(), this::handle);
        bus.subscribe(ClaimCompletion.class.getName(), m -> {
            throw CommandRefusedException.ruleViolated("completion.progress", "进度未达到 100%");
        });
        ReplyHandler refusing = new ReplyHandler(world.readSide(), DefaultCommandGateway.builder().commandBus(bus)
                .build(), TestProperties.connectedTo(fake));

        ReplyOutcome outcome = refusing.handle(message("#31 已完成 补助已拨付"));

        assertThat(outcome.kind()).isEqualTo(ReplyOutcome.Kind.REFUSED);
        assertThat(outcome.answer()).startsWith("未记录：").contains("进度未达到 100%");
        assertThat(commands).isEmpty();
    }

    @Test
    void a_claim_without_evidence_is_told_where_files_can_be_uploaded() {
        world.appoint(OFFICIAL, "李明", OfficialRole.OFFICIAL, FINANCE);
        existing.add(world.register(FINANCE, "自治区财政厅", 31));
        SimpleCommandBus bus = SimpleCommandBus.builder().build();
        bus.subscribe(ClaimCompletion.class.getName(), m -> {
            throw CommandRefusedException.ruleViolated("completion.evidence-required", "申请办结须附佐证材料。");
        });
        ReplyHandler refusing = new ReplyHandler(world.readSide(), DefaultCommandGateway.builder().commandBus(bus)
                .build(), TestProperties.connectedTo(fake));

        ReplyOutcome outcome = refusing.handle(message("#31 已完成 补助已拨付"));

        assertThat(outcome.kind()).isEqualTo(ReplyOutcome.Kind.REFUSED);
        assertThat(outcome.answer()).startsWith("未记录：申请办结须附佐证材料。").contains("上传佐证材料后申请办结");
    }

    @Test
    void the_office_acknowledges_for_every_unit_that_registered_for_the_item() {
        world.appoint("office-1", "办公室", OfficialRole.OFFICE, List.of());
        existing.add(world.register(FINANCE, "自治区财政厅", 31));
        existing.add(world.register(EDUCATION, "自治区教育厅", 31));

        ReplyOutcome outcome = handler.handle(message("office-1", "收到 #31"));

        assertThat(outcome.kind()).isEqualTo(ReplyOutcome.Kind.RECORDED);
        assertThat(outcome.answer()).contains("办公室已确认收到 #31", "自治区财政厅", "自治区教育厅");
        assertThat(commands).hasSize(2).allMatch(c -> c instanceof AcknowledgeAlert);
    }

    private static InboundMessage message(String text) {
        return message(OFFICIAL, text);
    }

    private static InboundMessage message(String sender, String text) {
        return new InboundMessage("msg-" + UUID.randomUUID(), "text", text, sender, "李明", "1", null, 0);
    }
}

package io.duban.bot.inbound;

import io.duban.bot.DingTalkProperties;
import io.duban.bot.readside.ReadSide;
import io.duban.bot.readside.ReadSideUnavailable;
import io.duban.bot.reply.AcknowledgeReply;
import io.duban.bot.reply.ListMineReply;
import io.duban.bot.reply.NotUnderstoodReply;
import io.duban.bot.reply.RaiseBlockerReply;
import io.duban.bot.reply.Reply;
import io.duban.bot.reply.ReplyGrammar;
import io.duban.bot.reply.ReplyTexts;
import io.duban.bot.reply.ReportCompletionReply;
import io.duban.bot.reply.ReportProgressReply;
import io.duban.bot.reply.RequestDeadlineChangeReply;
import io.duban.command.api.AcknowledgeAlert;
import io.duban.command.api.Actor;
import io.duban.command.api.Channel;
import io.duban.command.api.CommandRefusedException;
import io.duban.command.api.CommitmentId;
import io.duban.command.api.ItemReference;
import io.duban.command.api.RaiseMajorIssue;
import io.duban.command.api.ReportProgress;
import io.duban.command.api.RequestDeadlineChange;
import io.duban.command.api.Role;
import io.duban.query.api.catalog.ItemView;
import io.duban.query.api.catalog.UnitRef;
import io.duban.command.api.CommitmentStatus;
import io.duban.query.api.commitment.CommitmentView;
import io.duban.query.api.directory.OfficialView;
import io.duban.query.api.directory.OfficialView.OfficialUnit;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;

import static io.duban.bot.inbound.ReplyOutcome.Kind.ANSWERED;
import static io.duban.bot.inbound.ReplyOutcome.Kind.NOT_UNDERSTOOD;
import static io.duban.bot.inbound.ReplyOutcome.Kind.RECORDED;
import static io.duban.bot.inbound.ReplyOutcome.Kind.REFUSED;
import static io.duban.bot.inbound.ReplyOutcome.Kind.UNCERTAIN;
import static io.duban.bot.inbound.ReplyOutcome.Kind.UNKNOWN_SENDER;

/**
 * Turns an official's message into at most one business action, as that official, through channel DINGTALK with
 * the msgId recorded. Every accepted action is confirmed; every refusal says why. The aggregates check every rule:
 * the bot only finds which commitment "#31" means for this sender, from the sender's units (the directory, asked of
 * the read side) and {@link CommitmentId#of}, never from a copy of the commitment, so a reply is never refused
 * because a view is behind. Whether that commitment exists the aggregate answers. The read side's view of the
 * commitment only adds to the wording (the progress before, the open milestones), and is left out when it has none.
 */
@Component
public class ReplyHandler {

    private static final Logger log = LoggerFactory.getLogger(ReplyHandler.class);
    static final String UNCERTAIN_ANSWER = "系统处理您的消息时出现异常（如超时），无法确认是否已经记录。"
            + "请稍后发送「我的承诺」查看当前进度：若未更新，再重新发送原消息。";

    static final String UNAVAILABLE_ANSWER = "未记录：督办系统暂时无法查询，请稍后重新发送。";

    private final ReadSide readSide;
    private final CommandGateway commands;
    private final CompletionClaim completion;
    private final ReplyTargets targets;
    private final String defaultPolicyId;

    public ReplyHandler(ReadSide readSide, CommandGateway commands, DingTalkProperties properties) {
        this.readSide = readSide;
        this.commands = commands;
        this.completion = new CompletionClaim(commands);
        this.targets = new ReplyTargets(readSide, properties.defaultPolicyId());
        this.defaultPolicyId = properties.defaultPolicyId();
    }

    public ReplyOutcome handle(InboundMessage message) {
        OfficialView person = readSide.official(message.senderStaffId()).orElse(null);
        if (person == null) {
            return new ReplyOutcome(UNKNOWN_SENDER, "您好，您尚未登记在督办人员名录中，暂不能通过钉钉办理督办事项。"
                    + "如需开通，请联系领导小组办公室。");
        }
        if (message.msgtype() != null && !"text".equals(message.msgtype())) {
            return new ReplyOutcome(NOT_UNDERSTOOD, "目前只能识别文字消息，请用文字回复。\n" + ReplyTexts.help());
        }
        Reply reply = ReplyGrammar.parse(message.text());
        Actor actor = new Actor(person.userId(), person.name(), person.role().actingRole(),
                new HashSet<>(unitIds(person)), Channel.DINGTALK, message.msgId());
        try {
            return act(reply, person, actor);
        } catch (CommandRefusedException e) {
            if ("completion.evidence-required".equals(e.code())) {
                // files cannot come with a text reply: say where they can be uploaded
                return new ReplyOutcome(REFUSED, "未记录：" + e.getMessage()
                        + "\n请在督办平台（电脑浏览器或钉钉工作台）打开该承诺，上传佐证材料后申请办结。");
            }
            return new ReplyOutcome(REFUSED, "未记录：" + e.getMessage());
        } catch (AggregateNotFoundException e) {
            return new ReplyOutcome(REFUSED, ReplyTargets.notYours(reply));
        } catch (NotYoursException e) {
            return new ReplyOutcome(REFUSED, e.getMessage());
        } catch (ReadSideUnavailable e) {
            log.warn("DingTalk message {}: the read side did not answer: {}", message.msgId(), e.getMessage());
            return new ReplyOutcome(REFUSED, UNAVAILABLE_ANSWER);
        } catch (RuntimeException e) {
            // a timeout or a failure of the store or the bus: the command may have been stored before it failed, so
            // "nothing recorded" would be a guess; say so, and how to find out
            log.error("DingTalk message {} could not be handled", message.msgId(), e);
            return new ReplyOutcome(UNCERTAIN, UNCERTAIN_ANSWER);
        }
    }

    private ReplyOutcome act(Reply reply, OfficialView person, Actor actor) {
        if (reply instanceof ReportProgressReply progress) {
            return reportProgress(progress, person, actor);
        } else if (reply instanceof ReportCompletionReply completion) {
            return claimCompletion(completion, person, actor);
        } else if (reply instanceof RequestDeadlineChangeReply change) {
            return requestDeadlineChange(change, person, actor);
        } else if (reply instanceof RaiseBlockerReply blocker) {
            return raiseBlocker(blocker, person, actor);
        } else if (reply instanceof AcknowledgeReply ack) {
            return acknowledge(ack, person, actor);
        } else if (reply instanceof ListMineReply) {
            return listMine(person);
        } else if (reply instanceof NotUnderstoodReply notUnderstood) {
            return new ReplyOutcome(NOT_UNDERSTOOD, notUnderstood.text());
        }
        return new ReplyOutcome(ANSWERED, ReplyTexts.help());
    }

    private ReplyOutcome reportProgress(ReportProgressReply reply, OfficialView person, Actor actor) {
        ReplyTarget target = targets.resolve(reply.ref(), person);
        Optional<CommitmentView> before = readSide.commitment(target.commitmentId());
        String note = blankToNull(reply.note());
        // a note typed with a lower figure is the official's explanation; the aggregate records it only then
        commands.sendAndWait(new ReportProgress(target.commitmentId(), reply.percent(), note, note, actor));
        return recorded(target, before, "总体进度 " + reply.percent() + "%"
                + before.map(c -> "（原 " + c.reportedProgress() + "%）").orElse("")
                + (note == null ? "" : "，说明：" + note));
    }

    private ReplyOutcome claimCompletion(ReportCompletionReply reply, OfficialView person, Actor actor) {
        ReplyTarget target = targets.resolve(reply.ref(), person);
        String summary = blankToNull(reply.summary());
        if (summary == null) {
            return new ReplyOutcome(NOT_UNDERSTOOD, "申请办结请附一句完成情况，例如：\n" + target.ref()
                    + " 已完成 补助已拨付");
        }
        // "已完成" means the whole commitment: the milestones still open are reached with it, in the same command
        Optional<CommitmentView> known = readSide.commitment(target.commitmentId());
        List<String> completed = completion.claim(target.commitmentId(), summary, actor);
        String milestones = completed.isEmpty() ? "" : "，同时标记里程碑 " + String.join("、", completed) + " 已完成";
        return recorded(target, known, "已申请办结" + milestones + "，等待领导小组办公室核验");
    }

    private ReplyOutcome requestDeadlineChange(RequestDeadlineChangeReply reply, OfficialView person, Actor actor) {
        ReplyTarget target = targets.resolve(reply.ref(), person);
        Optional<CommitmentView> known = readSide.commitment(target.commitmentId());
        String title = known.flatMap(c -> c.milestones().stream()
                .filter(m -> m.milestoneId().equals(reply.milestoneId())).map(CommitmentView.MilestoneView::title)
                .findFirst()).orElse(reply.milestoneId());
        String what = reply.milestoneId() == null ? "总体完成时限" : "里程碑 " + reply.milestoneId() + "「" + title + "」";
        // the direction is checked against the due date the read side shows; the aggregate judges the request itself
        LocalDate current = known.map(c -> reply.milestoneId() == null ? c.dueDate()
                : c.milestones().stream().filter(m -> m.milestoneId().equals(reply.milestoneId()))
                .map(CommitmentView.MilestoneView::dueDate).findFirst().orElse(null)).orElse(null);
        if (current != null && (reply.advance() ? reply.date().isAfter(current) : reply.date().isBefore(current))) {
            return new ReplyOutcome(ANSWERED, ReplyTexts.wrongDirection(reply.ref().display(), what, current,
                    reply.date(), reply.advance()));
        }
        String changeId = commands.sendAndWait(new RequestDeadlineChange(target.commitmentId(),
                reply.milestoneId(), reply.date(), reply.reason(), actor));
        return recorded(target, known, "已申请将" + what + "调整至 " + reply.date() + "（申请编号 " + changeId
                + "），等待领导小组办公室审批");
    }

    private ReplyOutcome raiseBlocker(RaiseBlockerReply reply, OfficialView person, Actor actor) {
        ReplyTarget target = targets.resolve(reply.ref(), person);
        String issueId = commands.sendAndWait(new RaiseMajorIssue(target.commitmentId(), reply.summary(), null,
                actor));
        return recorded(target, Optional.empty(), "已报告重大事项 " + issueId + "：" + reply.summary()
                + "，已同步领导小组办公室");
    }

    private ReplyOutcome acknowledge(AcknowledgeReply reply, OfficialView person, Actor actor) {
        if (actor.role() == Role.OFFICE) {
            return acknowledgeForEveryUnit(reply, actor);
        }
        ReplyTarget target = targets.resolve(reply.ref(), person);
        commands.sendAndWait(new AcknowledgeAlert(target.commitmentId(), actor));
        return recorded(target, Optional.empty(), "已确认收到督办提醒");
    }

    /**
     * The office acknowledges for every unit the catalog lists for the item: each unit's commitment by id, those not
     * registered (the aggregate does not exist) left out.
     */
    private ReplyOutcome acknowledgeForEveryUnit(AcknowledgeReply reply, Actor actor) {
        String policyId = targets.policyOf(reply.ref());
        List<UnitRef> units = readSide.item(policyId, reply.ref().itemNumber()).map(ItemView::units)
                .orElse(List.of());
        List<String> acknowledged = new java.util.ArrayList<>();
        for (UnitRef unit : units) {
            try {
                commands.sendAndWait(new AcknowledgeAlert(CommitmentId.of(policyId, reply.ref().itemNumber(),
                        unit.unitId()), actor));
                acknowledged.add(unit.name());
            } catch (AggregateNotFoundException e) {
                // this unit has not registered a commitment for the item
            }
        }
        if (acknowledged.isEmpty()) {
            throw new NotYoursException("未记录：第 " + reply.ref().itemNumber() + " 项尚无已登记的承诺。");
        }
        return new ReplyOutcome(RECORDED, "已记录：办公室已确认收到 " + reply.ref().display() + " 的督办提醒（"
                + String.join("、", acknowledged) + "）。");
    }

    private ReplyOutcome listMine(OfficialView person) {
        if (person.units().isEmpty()) {
            return new ReplyOutcome(ANSWERED, "您的角色不对应责任单位，没有本单位的承诺。");
        }
        var mine = readSide.commitmentsOf(unitIds(person));
        if (mine.isEmpty()) {
            return new ReplyOutcome(ANSWERED, "本单位尚未登记承诺。");
        }
        StringBuilder text = new StringBuilder("本单位的承诺（回复时请用前面的编号）：");
        for (var c : mine) {
            text.append("\n").append(ItemReference.typed(defaultPolicyId, c.policyId(), c.itemNumber())).append(" ")
                    .append(c.unitName()).append("：进度 ").append(c.progress()).append("%，完成时限 ")
                    .append(c.dueDate()).append("，").append(statusLabel(c.status()));
        }
        return new ReplyOutcome(ANSWERED, text.toString());
    }

    private static List<String> unitIds(OfficialView person) {
        return person.units().stream().map(OfficialUnit::unitId).toList();
    }

    private static ReplyOutcome recorded(ReplyTarget target, Optional<CommitmentView> known, String what) {
        return new ReplyOutcome(RECORDED, "已记录：" + target.ref() + "（" + target.unitName(known) + "）" + what
                + "。");
    }

    private static String statusLabel(CommitmentStatus status) {
        return status == null ? "推进中" : switch (status) {
            case COMPLETION_CLAIMED -> "已申请办结，待核验";
            case VERIFIED -> "已办结销号";
            case OPEN -> "推进中";
        };
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}

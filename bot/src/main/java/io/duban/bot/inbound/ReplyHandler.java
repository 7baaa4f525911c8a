package io.duban.bot.inbound;

import io.duban.bot.DingTalkProperties;
import io.duban.bot.directory.Directory;
import io.duban.bot.directory.DirectoryEntry;
import io.duban.bot.ledger.CommitmentLedger;
import io.duban.bot.ledger.LedgerEntry;
import io.duban.bot.reply.AcknowledgeReply;
import io.duban.bot.reply.CommitmentRef;
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
import io.duban.command.api.ClaimCompletion;
import io.duban.command.api.CommandRefusedException;
import io.duban.command.api.CommitmentId;
import io.duban.command.api.CompleteMilestone;
import io.duban.command.api.RaiseMajorIssue;
import io.duban.command.api.ReportProgress;
import io.duban.command.api.RequestDeadlineChange;
import io.duban.command.api.Role;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.stream.Collectors;

import static io.duban.bot.inbound.ReplyOutcome.Kind.ANSWERED;
import static io.duban.bot.inbound.ReplyOutcome.Kind.NOT_UNDERSTOOD;
import static io.duban.bot.inbound.ReplyOutcome.Kind.RECORDED;
import static io.duban.bot.inbound.ReplyOutcome.Kind.REFUSED;
import static io.duban.bot.inbound.ReplyOutcome.Kind.UNCERTAIN;
import static io.duban.bot.inbound.ReplyOutcome.Kind.UNKNOWN_SENDER;

/**
 * Turns an official's message into at most one business action, as that official, through channel DINGTALK with
 * the msgId recorded. Every accepted action is confirmed with the new state; every refusal says why. The aggregates
 * still check every rule: the bot only finds which commitment "#31" means for this sender.
 */
@Component
public class ReplyHandler {

    private static final Logger log = LoggerFactory.getLogger(ReplyHandler.class);
    static final String UNCERTAIN_ANSWER = "系统处理您的消息时出现异常（如超时），无法确认是否已经记录。"
            + "请稍后发送「我的承诺」查看当前进度：若未更新，再重新发送原消息。";

    private final Directory directory;
    private final CommitmentLedger ledger;
    private final CommandGateway commands;
    private final String defaultPolicyId;

    public ReplyHandler(Directory directory, CommitmentLedger ledger, CommandGateway commands,
                        DingTalkProperties properties) {
        this.directory = directory;
        this.ledger = ledger;
        this.commands = commands;
        this.defaultPolicyId = properties.defaultPolicyId();
    }

    public ReplyOutcome handle(InboundMessage message) {
        DirectoryEntry person = directory.find(message.senderStaffId()).orElse(null);
        if (person == null) {
            return new ReplyOutcome(UNKNOWN_SENDER, "您好，您尚未登记在督办人员名录中，暂不能通过钉钉办理督办事项。"
                    + "如需开通，请联系领导小组办公室。");
        }
        if (message.msgtype() != null && !"text".equals(message.msgtype())) {
            return new ReplyOutcome(NOT_UNDERSTOOD, "目前只能识别文字消息，请用文字回复。\n" + ReplyTexts.help());
        }
        Reply reply = ReplyGrammar.parse(message.text());
        Actor actor = new Actor(person.userId(), person.name(), person.role().actingRole(),
                new HashSet<>(person.unitIds()), Channel.DINGTALK, message.msgId());
        try {
            return act(reply, person, actor);
        } catch (CommandRefusedException e) {
            return new ReplyOutcome(REFUSED, "未记录：" + e.getMessage());
        } catch (AggregateNotFoundException e) {
            return new ReplyOutcome(REFUSED, "未记录：没有找到这项承诺。");
        } catch (NotYoursException e) {
            return new ReplyOutcome(REFUSED, e.getMessage());
        } catch (RuntimeException e) {
            // a timeout or a failure of the store or the bus: the command may have been stored before it failed, so
            // "nothing recorded" would be a guess; say so, and how to find out
            log.error("DingTalk message {} could not be handled", message.msgId(), e);
            return new ReplyOutcome(UNCERTAIN, UNCERTAIN_ANSWER);
        }
    }

    private ReplyOutcome act(Reply reply, DirectoryEntry person, Actor actor) {
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

    private ReplyOutcome reportProgress(ReportProgressReply reply, DirectoryEntry person, Actor actor) {
        LedgerEntry commitment = resolve(reply.ref(), person);
        String note = blankToNull(reply.note());
        // a note typed with a lower figure is the official's explanation; the aggregate records it only then
        commands.sendAndWait(new ReportProgress(commitment.commitmentId(), reply.percent(), note, note, actor));
        return recorded(commitment, "总体进度 " + reply.percent() + "%（原 " + commitment.progress() + "%）"
                + (note == null ? "" : "，说明：" + note));
    }

    private ReplyOutcome claimCompletion(ReportCompletionReply reply, DirectoryEntry person, Actor actor) {
        LedgerEntry commitment = resolve(reply.ref(), person);
        String summary = blankToNull(reply.summary());
        if (summary == null) {
            return new ReplyOutcome(NOT_UNDERSTOOD, "申请办结请附一句完成情况，例如：\n" + ref(commitment)
                    + " 已完成 补助已拨付");
        }
        // "已完成" means the whole commitment: the milestones still open are reached with it
        List<LedgerEntry.LedgerMilestone> open = commitment.milestones().stream().filter(m -> !m.completed()).toList();
        List<String> done = new ArrayList<>();
        try {
            for (LedgerEntry.LedgerMilestone milestone : open) {
                commands.sendAndWait(new CompleteMilestone(commitment.commitmentId(), milestone.milestoneId(), summary,
                        actor));
                done.add(milestone.milestoneId());
            }
            commands.sendAndWait(new ClaimCompletion(commitment.commitmentId(), summary, actor));
        } catch (CommandRefusedException e) {
            if (done.isEmpty()) {
                throw e;
            }
            // the milestones reached before the refusal are stored: "未记录" would be untrue
            return new ReplyOutcome(RECORDED, "已记录：" + ref(commitment) + "（" + commitment.unitName() + "）里程碑 "
                    + String.join("、", done) + " 已完成；办结申请未记录：" + e.getMessage());
        }
        String milestones = open.isEmpty() ? "" : "，同时标记里程碑 "
                + open.stream().map(LedgerEntry.LedgerMilestone::milestoneId).collect(Collectors.joining("、"))
                + " 已完成";
        return recorded(commitment, "已申请办结" + milestones + "，等待领导小组办公室核验");
    }

    private ReplyOutcome requestDeadlineChange(RequestDeadlineChangeReply reply, DirectoryEntry person, Actor actor) {
        LedgerEntry commitment = resolve(reply.ref(), person);
        String target = reply.milestoneId() == null ? "总体完成时限"
                : "里程碑 " + reply.milestoneId() + "「" + commitment.milestoneTitle(reply.milestoneId()) + "」";
        LocalDate current = reply.milestoneId() == null ? commitment.dueDate()
                : commitment.milestones().stream().filter(m -> m.milestoneId().equals(reply.milestoneId()))
                .map(LedgerEntry.LedgerMilestone::dueDate).findFirst().orElse(null);
        if (current != null && (reply.advance() ? reply.date().isAfter(current) : reply.date().isBefore(current))) {
            return new ReplyOutcome(ANSWERED, ReplyTexts.wrongDirection(reply.ref().display(), target, current,
                    reply.date(), reply.advance()));
        }
        String changeId = commands.sendAndWait(new RequestDeadlineChange(commitment.commitmentId(),
                reply.milestoneId(), reply.date(), reply.reason(), actor));
        return recorded(commitment, "已申请将" + target + "调整至 " + reply.date() + "（申请编号 " + changeId
                + "），等待领导小组办公室审批");
    }

    private ReplyOutcome raiseBlocker(RaiseBlockerReply reply, DirectoryEntry person, Actor actor) {
        LedgerEntry commitment = resolve(reply.ref(), person);
        String issueId = commands.sendAndWait(new RaiseMajorIssue(commitment.commitmentId(), reply.summary(), null,
                actor));
        return recorded(commitment, "已报告重大事项 " + issueId + "：" + reply.summary() + "，已同步领导小组办公室");
    }

    private ReplyOutcome acknowledge(AcknowledgeReply reply, DirectoryEntry person, Actor actor) {
        if (actor.role() == Role.OFFICE) {
            String policyId = policyOf(reply.ref());
            List<LedgerEntry> ofItem = ledger.ofItem(policyId, reply.ref().itemNumber());
            if (ofItem.isEmpty()) {
                throw new NotYoursException("未记录：第 " + reply.ref().itemNumber() + " 项尚无已登记的承诺。");
            }
            ofItem.forEach(c -> commands.sendAndWait(new AcknowledgeAlert(c.commitmentId(), actor)));
            return new ReplyOutcome(RECORDED, "已记录：办公室已确认收到 " + reply.ref().display() + " 的督办提醒（"
                    + ofItem.stream().map(LedgerEntry::unitName).collect(Collectors.joining("、")) + "）。");
        }
        LedgerEntry commitment = resolve(reply.ref(), person);
        commands.sendAndWait(new AcknowledgeAlert(commitment.commitmentId(), actor));
        return recorded(commitment, "已确认收到督办提醒");
    }

    private ReplyOutcome listMine(DirectoryEntry person) {
        if (person.unitIds().isEmpty()) {
            return new ReplyOutcome(ANSWERED, "您的角色不对应责任单位，没有本单位的承诺。");
        }
        List<LedgerEntry> mine = ledger.ofUnits(person.unitIds());
        if (mine.isEmpty()) {
            return new ReplyOutcome(ANSWERED, "本单位尚未登记承诺。");
        }
        StringBuilder text = new StringBuilder("本单位的承诺（回复时请用前面的编号）：");
        for (LedgerEntry c : mine) {
            text.append("\n").append(ref(c)).append(" ").append(c.unitName()).append("：进度 ").append(c.shownProgress())
                    .append("%，完成时限 ").append(c.dueDate()).append("，").append(statusLabel(c.status()));
        }
        return new ReplyOutcome(ANSWERED, text.toString());
    }

    /** The sender's own commitment that "#31" names; anything else is refused without a trace. */
    private LedgerEntry resolve(CommitmentRef ref, DirectoryEntry person) {
        String policyId = policyOf(ref);
        List<LedgerEntry> own = person.unitIds().stream()
                .map(unitId -> ledger.find(CommitmentId.of(policyId, ref.itemNumber(), unitId)))
                .flatMap(java.util.Optional::stream).toList();
        if (own.isEmpty()) {
            throw new NotYoursException("未记录：您所在单位没有第 " + ref.itemNumber() + " 项的承诺，"
                    + "只能办理本单位的承诺。回复“我的承诺”可查看本单位的编号。");
        }
        if (own.size() > 1) {
            throw new NotYoursException("未记录：您代表的几个单位都有第 " + ref.itemNumber()
                    + " 项的承诺，请通过督办系统网页办理，或请办公室调整您的名录。");
        }
        return own.get(0);
    }

    private String policyOf(CommitmentRef ref) {
        return ref.isDefaultPolicy() ? defaultPolicyId : ref.policyId();
    }

    private ReplyOutcome recorded(LedgerEntry commitment, String what) {
        return new ReplyOutcome(RECORDED, "已记录：" + ref(commitment) + "（" + commitment.unitName() + "）" + what
                + "。");
    }

    private String ref(LedgerEntry commitment) {
        return commitment.policyId().equals(defaultPolicyId) ? "#" + commitment.itemNumber()
                : "#" + commitment.policyId() + "/" + commitment.itemNumber();
    }

    private static String statusLabel(String status) {
        return switch (status == null ? "" : status) {
            case "COMPLETION_CLAIMED" -> "已申请办结，待核验";
            case "VERIFIED" -> "已办结销号";
            default -> "推进中";
        };
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** The sender named a commitment that is not theirs (or does not exist): refused, nothing recorded. */
    private static final class NotYoursException extends RuntimeException {
        NotYoursException(String message) {
            super(message);
        }
    }
}

package io.duban.bot.inbound;

import io.duban.bot.readside.ReadSide;
import io.duban.bot.reply.AcknowledgeReply;
import io.duban.bot.reply.CommitmentRef;
import io.duban.bot.reply.RaiseBlockerReply;
import io.duban.bot.reply.Reply;
import io.duban.bot.reply.ReportCompletionReply;
import io.duban.bot.reply.ReportProgressReply;
import io.duban.bot.reply.RequestDeadlineChangeReply;
import io.duban.command.api.CommitmentId;
import io.duban.command.api.ItemReference;
import io.duban.query.api.catalog.UnitRef;
import io.duban.query.api.directory.OfficialView;
import io.duban.query.api.directory.OfficialView.OfficialUnit;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Which commitment a reply's "#31" means for its sender, without a copy of the commitment. */
final class ReplyTargets {

    private final ReadSide readSide;
    private final String defaultPolicyId;

    ReplyTargets(ReadSide readSide, String defaultPolicyId) {
        this.readSide = readSide;
        this.defaultPolicyId = defaultPolicyId;
    }

    /**
     * The sender's own commitment that "#31" names: the item's commitment of the sender's unit, by id. A sender who
     * answers for several units is asked to narrow it down when more than one of them is listed for the item (the
     * catalog says which, from the policy import); when the catalog has no answer, every one of them counts.
     */
    ReplyTarget resolve(CommitmentRef ref, OfficialView person) {
        String policyId = policyOf(ref);
        List<OfficialUnit> candidates = person.units();
        if (candidates.size() > 1) {
            Optional<Set<String>> listed = readSide.item(policyId, ref.itemNumber())
                    .map(item -> item.units().stream().map(UnitRef::unitId).collect(Collectors.toSet()));
            if (listed.isPresent()) {
                candidates = candidates.stream().filter(u -> listed.get().contains(u.unitId())).toList();
            }
        }
        if (candidates.isEmpty()) {
            throw new NotYoursException(notYours(ref));
        }
        if (candidates.size() > 1) {
            throw new NotYoursException("未记录：您代表的几个单位都有第 " + ref.itemNumber()
                    + " 项的承诺，请通过督办系统网页办理，或请办公室调整您的名录。");
        }
        OfficialUnit unit = candidates.get(0);
        return new ReplyTarget(CommitmentId.of(policyId, ref.itemNumber(), unit.unitId()),
                ItemReference.typed(defaultPolicyId, policyId, ref.itemNumber()),
                unit.name() == null ? unit.unitId() : unit.name());
    }

    /** The answer when the sender's unit has no such commitment (none registered, or another unit's). */
    static String notYours(Reply reply) {
        return reply instanceof ReportProgressReply r ? notYours(r.ref())
                : reply instanceof ReportCompletionReply r ? notYours(r.ref())
                : reply instanceof RequestDeadlineChangeReply r ? notYours(r.ref())
                : reply instanceof RaiseBlockerReply r ? notYours(r.ref())
                : reply instanceof AcknowledgeReply r ? notYours(r.ref())
                : "未记录：没有找到这项承诺。";
    }

    private static String notYours(CommitmentRef ref) {
        return "未记录：您所在单位没有第 " + ref.itemNumber() + " 项的承诺，"
                + "只能办理本单位的承诺。回复“我的承诺”可查看本单位的编号。";
    }

    String policyOf(CommitmentRef ref) {
        return ref.isDefaultPolicy() ? defaultPolicyId : ref.policyId();
    }
}

package io.duban.bot;

import io.duban.bot.directory.DirectoryFeed;
import io.duban.bot.ledger.LedgerFeed;
import io.duban.command.api.Actor;
import io.duban.command.api.CommitmentId;
import io.duban.command.api.CommitmentRegistered;
import io.duban.command.api.Milestone;
import io.duban.command.api.OfficialAppointed;
import io.duban.command.api.OfficialRole;
import io.duban.command.api.ResponsiblePerson;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * What the bot knows of the world, given through the api events its own projections handle: officials appointed to
 * units, commitments registered.
 */
public final class BotWorld {

    private final DirectoryFeed directory;
    private final LedgerFeed ledger;

    public BotWorld(MongoTemplate mongo) {
        this.directory = new DirectoryFeed(mongo);
        this.ledger = new LedgerFeed(mongo);
    }

    /** {@code count} officials of the unit, userIds {@code <unitId>-01}, {@code <unitId>-02}, … in order. */
    public List<String> appointOfficials(String unitId, int count) {
        List<String> userIds = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            String userId = unitId + "-" + String.format("%02d", i);
            appoint(userId, "干部" + i, OfficialRole.OFFICIAL, unitId);
            userIds.add(userId);
        }
        return userIds;
    }

    public void appoint(String userId, String name, OfficialRole role, String unitId) {
        directory.apply(new OfficialAppointed(userId, name, role, List.of(unitId), Actor.system("名录导入")));
    }

    /** Commitment {@code #item} of the unit in the default policy, due 2026-03-31 with milestone M1 due 2026-02-28. */
    public String register(String unitId, String unitName, int item) {
        String commitmentId = CommitmentId.of(TestProperties.POLICY, item, unitId);
        ledger.apply(new CommitmentRegistered(commitmentId, TestProperties.POLICY, item, unitId, unitName,
                new ResponsiblePerson("张伟", "处长"), "分三步推进", LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 3, 31), List.of(new Milestone("M1", "完成摸底调查", LocalDate.of(2026, 2, 28))),
                Actor.system("承诺登记")));
        return commitmentId;
    }
}

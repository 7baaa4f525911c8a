package io.duban.bot.ledger;

import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Reads the bot's ledger: one commitment, or those of a person's units. */
@Component
public class CommitmentLedger {

    private final MongoTemplate mongo;

    public CommitmentLedger(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Optional<LedgerEntry> find(String commitmentId) {
        return Optional.ofNullable(mongo.getCollection(CommitmentLedgerProjection.COLLECTION)
                .find(Filters.eq("_id", commitmentId)).first()).map(CommitmentLedger::entry);
    }

    public List<LedgerEntry> ofUnits(Collection<String> unitIds) {
        List<LedgerEntry> entries = new ArrayList<>();
        mongo.getCollection(CommitmentLedgerProjection.COLLECTION).find(Filters.in("unitId", unitIds))
                .sort(new Document("policyId", 1).append("itemNumber", 1).append("unitId", 1))
                .forEach(doc -> entries.add(entry(doc)));
        return entries;
    }

    public List<LedgerEntry> ofItem(String policyId, int itemNumber) {
        List<LedgerEntry> entries = new ArrayList<>();
        mongo.getCollection(CommitmentLedgerProjection.COLLECTION)
                .find(Filters.and(Filters.eq("policyId", policyId), Filters.eq("itemNumber", itemNumber)))
                .sort(new Document("unitId", 1)).forEach(doc -> entries.add(entry(doc)));
        return entries;
    }

    private static LedgerEntry entry(Document doc) {
        List<LedgerEntry.LedgerMilestone> milestones = doc.getList("milestones", Document.class, List.of()).stream()
                .map(m -> new LedgerEntry.LedgerMilestone(m.getString("milestoneId"), m.getString("title"),
                        LocalDate.parse(m.getString("dueDate")), Boolean.TRUE.equals(m.getBoolean("completed"))))
                .toList();
        return new LedgerEntry(doc.getString("_id"), doc.getString("policyId"), doc.getInteger("itemNumber", 0),
                doc.getString("unitId"), doc.getString("unitName"), doc.getString("responsibleName"),
                doc.getString("status"), doc.getInteger("progress", 0), LocalDate.parse(doc.getString("dueDate")),
                milestones);
    }
}

package io.duban.query.commitment;

import io.duban.query.api.commitment.CommitmentView;
import io.duban.command.api.CommitmentStatus;
import com.mongodb.client.model.Filters;
import io.duban.command.api.CommitmentStatus;
import io.duban.query.view.StoredTime;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.text.Collator;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Reads the {@code commitments} view. */
@Component
public class CommitmentReader {

    private static final Comparator<CommitmentView> ORDER = Comparator.comparing(CommitmentView::policyId)
            .thenComparingInt(CommitmentView::itemNumber)
            .thenComparing(CommitmentView::unitName, Comparator.nullsLast(Collator.getInstance(Locale.CHINA)));

    /**
     * Documents per reply. Without it the embedded wire server answers the first getMore with every remaining
     * document in one message, which the driver refuses above 48 MB (about 40,000 commitments).
     */
    private static final int BATCH = 1_000;

    private final MongoTemplate mongo;

    public CommitmentReader(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Optional<CommitmentView> byId(String commitmentId) {
        return Optional.ofNullable(mongo.getCollection(CommitmentsProjection.COLLECTION)
                .find(Filters.eq("_id", commitmentId)).first()).map(CommitmentDocuments::view);
    }

    /** The given commitments that the view knows, by id (one read, through the {@code _id} index). */
    public Map<String, CommitmentView> byIds(Collection<String> commitmentIds) {
        Map<String, CommitmentView> found = new HashMap<>();
        if (commitmentIds.isEmpty()) {
            return found;
        }
        mongo.getCollection(CommitmentsProjection.COLLECTION).find(Filters.in("_id", commitmentIds)).batchSize(BATCH)
                .forEach(d -> found.put(d.getString("_id"), CommitmentDocuments.view(d)));
        return found;
    }

    /** The commitments with at least one open escalation case, of one unit if {@code unitId} is given. */
    public List<CommitmentView> withOpenEscalations(String unitId) {
        Bson filter = Filters.eq("escalations.open", true);
        if (unitId != null) {
            filter = Filters.and(filter, Filters.eq("unitId", unitId));
        }
        List<CommitmentView> found = new ArrayList<>();
        mongo.getCollection(CommitmentsProjection.COLLECTION).find(filter).batchSize(BATCH)
                .forEach(document -> found.add(CommitmentDocuments.view(document)));
        found.sort(ORDER);
        return found;
    }

    /** The commitments matching every given criterion (null = any), in policy, item and unit order. */
    public List<CommitmentView> find(String unitId, String policyId, Integer itemNumber) {
        return find(criteria(unitId, policyId, itemNumber), 0);
    }

    /**
     * As {@link #find(String, String, Integer)}, each commitment read with only the fields a traffic light and a
     * board row need ({@link #BOARD_FIELDS}); the rest of each view is empty. For the boards, which read every
     * commitment: a whole document is ten times the size, and 10,000 of them filled a 256 MiB heap (the embedded
     * MongoDB server shares it) until the overview's queries ran past their time limit.
     */
    public List<CommitmentView> findForBoard(String unitId, String policyId, Integer itemNumber) {
        List<Bson> criteria = criteria(unitId, policyId, itemNumber);
        List<CommitmentView> found = new ArrayList<>();
        mongo.getCollection(CommitmentsProjection.COLLECTION)
                .find(criteria.isEmpty() ? new Document() : Filters.and(criteria)).projection(BOARD_FIELDS)
                .batchSize(BATCH).forEach(document -> found.add(CommitmentDocuments.view(document)));
        found.sort(ORDER);
        return found;
    }

    /** What {@code TrafficLights} and {@code CommitmentSummary} read of a commitment. */
    static final Document BOARD_FIELDS = new Document("policyId", 1).append("itemNumber", 1).append("unitId", 1)
            .append("unitName", 1).append("startDate", 1).append("dueDate", 1).append("milestones", 1)
            .append("progress", 1).append("status", 1).append("openIssues.issueId", 1).append("openIssues.summary", 1)
            .append("pendingDeadlineChanges.changeId", 1).append("verification.verifiedAt", 1)
            .append("lastUpdatedAt", 1).append("lastSequence", 1);

    /** As {@link #find(String, String, Integer)}, reading at most {@code limit} documents (0 = no limit). */
    public List<CommitmentView> find(String unitId, String policyId, Integer itemNumber, int limit) {
        return find(criteria(unitId, policyId, itemNumber), limit);
    }

    /**
     * As {@link #find(String, String, Integer)}, narrowed in MongoDB to the commitments that can be overdue on
     * {@code today}: not verified, and an uncompleted milestone due before today, or, while not claimed, a final due
     * date before today. The traffic light stays the definition of overdue (the caller judges each one found); this
     * filter only keeps the office's overdue list from reading every commitment. Dates are stored as ISO strings,
     * which order as the dates do. Reads at most {@code limit} documents (0 = all).
     */
    public List<CommitmentView> findPossiblyOverdue(String unitId, String policyId, Integer itemNumber,
                                                    LocalDate today, int limit) {
        String day = StoredTime.date(today);
        List<Bson> criteria = criteria(unitId, policyId, itemNumber);
        criteria.add(Filters.in("status", CommitmentStatus.OPEN.name(), CommitmentStatus.COMPLETION_CLAIMED.name()));
        criteria.add(Filters.or(
                Filters.elemMatch("milestones", Filters.and(Filters.eq("completed", false), Filters.lt("dueDate", day))),
                Filters.and(Filters.eq("status", CommitmentStatus.OPEN.name()), Filters.lt("dueDate", day))));
        return find(criteria, limit);
    }

    private static List<Bson> criteria(String unitId, String policyId, Integer itemNumber) {
        List<Bson> criteria = new ArrayList<>();
        if (unitId != null) {
            criteria.add(Filters.eq("unitId", unitId));
        }
        if (policyId != null) {
            criteria.add(Filters.eq("policyId", policyId));
        }
        if (itemNumber != null) {
            criteria.add(Filters.eq("itemNumber", itemNumber));
        }
        return criteria;
    }

    private List<CommitmentView> find(List<Bson> criteria, int limit) {
        Bson filter = criteria.isEmpty() ? new Document() : Filters.and(criteria);
        List<CommitmentView> found = new ArrayList<>();
        mongo.getCollection(CommitmentsProjection.COLLECTION).find(filter).batchSize(BATCH).limit(limit)
                .forEach(document -> found.add(CommitmentDocuments.view(document)));
        found.sort(ORDER);
        return found;
    }
}

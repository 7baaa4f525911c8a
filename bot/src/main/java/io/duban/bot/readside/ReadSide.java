package io.duban.bot.readside;

import io.duban.command.api.OfficialRole;
import io.duban.query.api.board.CommitmentDetail;
import io.duban.query.api.board.CommitmentSummary;
import io.duban.query.api.board.FindCommitment;
import io.duban.query.api.board.FindCommitments;
import io.duban.query.api.board.FindItem;
import io.duban.query.api.board.ItemDetail;
import io.duban.query.api.catalog.ItemView;
import io.duban.query.api.commitment.CommitmentView;
import io.duban.query.api.directory.FindOfficial;
import io.duban.query.api.directory.FindOfficials;
import io.duban.query.api.directory.OfficialView;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * What the bot reads, asked of the read side through Axon's query bus ({@code io.duban.query.api}): who a DingTalk
 * user is, who answers for a unit, where a commitment stands, which units an item lists. The bot keeps no copy of any
 * of it. An unknown id is an empty answer; a read side that cannot answer is a {@link ReadSideUnavailable}, except
 * for a commitment's state, which only ever words a message and so is simply absent then.
 */
@Component
public class ReadSide {

    private static final Logger log = LoggerFactory.getLogger(ReadSide.class);
    private static final long TIMEOUT_SECONDS = 10;
    private static final Comparator<CommitmentSummary> LIST_ORDER = Comparator.comparing(CommitmentSummary::policyId)
            .thenComparingInt(CommitmentSummary::itemNumber).thenComparing(CommitmentSummary::unitId);

    private final QueryGateway queries;

    public ReadSide(QueryGateway queries) {
        this.queries = queries;
    }

    /** The person of the directory with this DingTalk userId, if they are in it now (removed people are not). */
    public Optional<OfficialView> official(String userId) {
        if (userId == null || userId.isBlank()) {
            return Optional.empty();
        }
        return one(new FindOfficial(userId), OfficialView.class).filter(OfficialView::active);
    }

    /** The people of a unit in the given role, ordered by userId so messages go out in a stable order. */
    public List<OfficialView> officialsOf(String unitId, OfficialRole role) {
        return many(new FindOfficials(unitId, role, true), OfficialView.class).stream()
                .sorted(Comparator.comparing(OfficialView::userId)).toList();
    }

    /**
     * The commitment as the read side knows it now; empty when it does not (yet), or cannot answer. Only for wording:
     * which commitment a reply means never depends on it.
     */
    public Optional<CommitmentView> commitment(String commitmentId) {
        try {
            return one(new FindCommitment(commitmentId), CommitmentDetail.class).map(CommitmentDetail::commitment);
        } catch (ReadSideUnavailable e) {
            log.warn("No answer from the read side for commitment {}: {}", commitmentId, e.getMessage());
            return Optional.empty();
        }
    }

    /** The commitments of these units, in policy, item and unit order. */
    public List<CommitmentSummary> commitmentsOf(Collection<String> unitIds) {
        List<CommitmentSummary> found = new ArrayList<>();
        for (String unitId : unitIds) {
            found.addAll(many(new FindCommitments(unitId, null, null, null), CommitmentSummary.class));
        }
        return found.stream().sorted(LIST_ORDER).toList();
    }

    /** A support item of the catalog with the units it lists; empty when the catalog does not know it. */
    public Optional<ItemView> item(String policyId, int itemNumber) {
        return one(new FindItem(policyId, itemNumber), ItemDetail.class).map(ItemDetail::item);
    }

    private <R> Optional<R> one(Object query, Class<R> type) {
        try {
            return Optional.ofNullable(await(queries.query(query, ResponseTypes.instanceOf(type))));
        } catch (NotFound e) {
            return Optional.empty();
        }
    }

    private <R> List<R> many(Object query, Class<R> type) {
        try {
            return await(queries.query(query, ResponseTypes.multipleInstancesOf(type)));
        } catch (NotFound e) {
            return List.of();
        }
    }

    private static <R> R await(CompletableFuture<R> answer) {
        try {
            return answer.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ReadSideUnavailable("interrupted", e);
        } catch (TimeoutException e) {
            throw new ReadSideUnavailable("no answer within " + TIMEOUT_SECONDS + " s", e);
        } catch (ExecutionException e) {
            throw failure(e.getCause());
        } catch (RuntimeException e) {
            throw failure(e);
        }
    }

    /** The read side answers an unknown id with a 404 problem (an {@link ErrorResponse}), however the bus wrapped it. */
    private static RuntimeException failure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ErrorResponse response && response.getStatusCode().value() == HttpStatus.NOT_FOUND.value()) {
                return new NotFound();
            }
        }
        return new ReadSideUnavailable(String.valueOf(failure), failure);
    }

    private static final class NotFound extends RuntimeException {
        NotFound() {
            super(null, null, false, false);
        }
    }
}

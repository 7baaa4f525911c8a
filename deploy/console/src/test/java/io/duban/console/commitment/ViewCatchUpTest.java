package io.duban.console.commitment;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.duban.query.api.board.CommitmentDetail;
import io.duban.query.api.board.FindCommitment;
import io.duban.query.api.commitment.CommitmentView;
import io.duban.query.api.light.Light;
import io.duban.query.api.light.LightColor;
import io.duban.query.api.timeline.FindCommitmentHistory;
import io.duban.query.api.timeline.HistoryEntry;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * The wait after an action, against a query bus that answers from a script: a read failing while the views are
 * written is "not yet", and the wait ends as soon as both views show the new event.
 */
class ViewCatchUpTest {

    private final ObjectMapper json = new ObjectMapper().findAndRegisterModules();
    private final List<Object> asked = new ArrayList<>();

    @Test
    void a_read_failing_during_the_wait_is_waited_past_not_turned_into_an_error_page() throws Exception {
        CommitmentView registered = json.readValue("{\"commitmentId\":\"c1\",\"lastSequence\":0}", CommitmentView.class);
        List<Object> detailAnswers = new ArrayList<>(List.of(
                new IllegalStateException("wire server busy"),
                new CommitmentDetail(registered, Light.of(LightColor.GREEN, List.of()))));
        ViewCatchUp catchUp = catchUp(detailAnswers);

        assertThatCode(() -> catchUp.awaitAfter("c1", -1)).doesNotThrowAnyException();

        assertThat(asked).as("failed once, then found the commitment and its timeline")
                .extracting(Object::getClass).containsExactly(FindCommitment.class, FindCommitment.class,
                        FindCommitmentHistory.class);
    }

    @Test
    void the_wait_goes_on_until_the_views_show_an_event_after_the_one_the_page_had() throws Exception {
        CommitmentView before = json.readValue("{\"commitmentId\":\"c1\",\"lastSequence\":3}", CommitmentView.class);
        CommitmentView after = json.readValue("{\"commitmentId\":\"c1\",\"lastSequence\":4}", CommitmentView.class);
        Light green = Light.of(LightColor.GREEN, List.of());
        ViewCatchUp catchUp = catchUp(new ArrayList<>(List.of(new CommitmentDetail(before, green),
                new CommitmentDetail(before, green), new CommitmentDetail(after, green))));

        catchUp.awaitAfter("c1", 3);

        assertThat(asked).filteredOn(FindCommitment.class::isInstance).hasSize(3);
    }

    private ViewCatchUp catchUp(List<Object> detailAnswers) {
        QueryGateway gateway = (QueryGateway) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[]{QueryGateway.class}, (proxy, method, args) -> {
                    Object query = args[0];
                    asked.add(query);
                    if (query instanceof FindCommitment) {
                        Object answer = detailAnswers.size() > 1 ? detailAnswers.remove(0) : detailAnswers.get(0);
                        return answer instanceof RuntimeException failure
                                ? CompletableFuture.failedFuture(failure) : CompletableFuture.completedFuture(answer);
                    }
                    return CompletableFuture.completedFuture(List.of(new HistoryEntry(4, "ProgressReported",
                            Instant.parse("2026-12-02T02:00:00Z"), null, io.duban.command.api.Channel.WEB, null, "进度", 40)));
                });
        return new ViewCatchUp(new CommitmentPageReader(gateway, Clock.systemUTC(), json), gateway);
    }
}

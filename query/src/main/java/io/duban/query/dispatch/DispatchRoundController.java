package io.duban.query.dispatch;

import io.duban.query.api.dispatch.FindDispatchRounds;
import io.duban.query.api.dispatch.FindDispatchRound;
import io.duban.query.api.dispatch.FindDispatchDigest;
import io.duban.query.api.dispatch.DispatchRoundView;
import io.duban.query.api.dispatch.DispatchDigest;
import io.duban.query.web.QueryCalls;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** Read API: quarterly dispatch rounds and their digest as JSON, CSV (Excel) and a printable HTML page. */
@RestController
@RequestMapping("/api/dispatch-rounds")
public class DispatchRoundController {

    static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);
    static final MediaType HTML = new MediaType("text", "html", StandardCharsets.UTF_8);

    private final QueryCalls queries;

    public DispatchRoundController(QueryCalls queries) {
        this.queries = queries;
    }

    @GetMapping
    public List<DispatchRoundView> rounds() {
        return queries.many(new FindDispatchRounds(), DispatchRoundView.class);
    }

    @GetMapping("/{roundId}")
    public DispatchRoundView round(@PathVariable String roundId) {
        return queries.one(new FindDispatchRound(roundId), DispatchRoundView.class);
    }

    @GetMapping("/{roundId}/digest")
    public DispatchDigest digest(@PathVariable String roundId) {
        return queries.one(new FindDispatchDigest(roundId), DispatchDigest.class);
    }

    @GetMapping("/{roundId}/digest.csv")
    public ResponseEntity<byte[]> digestCsv(@PathVariable String roundId) {
        DispatchDigest digest = digest(roundId);
        return ResponseEntity.ok().contentType(CSV)
                .header("Content-Disposition", "attachment; filename=\"dispatch-" + digest.roundId() + ".csv\"")
                .body(DigestDocuments.csv(digest).getBytes(StandardCharsets.UTF_8));
    }

    @GetMapping("/{roundId}/digest.html")
    public ResponseEntity<byte[]> digestHtml(@PathVariable String roundId) {
        return ResponseEntity.ok().contentType(HTML)
                .body(DigestDocuments.html(digest(roundId)).getBytes(StandardCharsets.UTF_8));
    }
}

package io.duban.query.board;

import io.duban.query.api.board.UnitSummary;
import io.duban.query.api.board.UnitBoard;
import io.duban.query.api.board.FindUnits;
import io.duban.query.api.board.FindUnitBoard;
import io.duban.query.web.QueryCalls;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Read API: responsible units and each unit's board. */
@RestController
@RequestMapping("/api/units")
public class UnitController {

    private final QueryCalls queries;

    public UnitController(QueryCalls queries) {
        this.queries = queries;
    }

    @GetMapping
    public List<UnitSummary> units() {
        return queries.many(new FindUnits(), UnitSummary.class);
    }

    @GetMapping("/{unitId}")
    public UnitBoard unit(@PathVariable String unitId) {
        return queries.one(new FindUnitBoard(unitId), UnitBoard.class);
    }
}

package io.duban.query.board;

import io.duban.query.api.board.ItemDetail;
import io.duban.query.api.board.ItemBoardEntry;
import io.duban.query.api.board.FindItemBoard;
import io.duban.query.api.board.FindItem;
import io.duban.query.web.QueryCalls;
import io.duban.query.web.RequestParams;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Read API: the item board and one item. */
@RestController
@RequestMapping("/api/items")
public class ItemController {

    private final QueryCalls queries;

    public ItemController(QueryCalls queries) {
        this.queries = queries;
    }

    @GetMapping
    public List<ItemBoardEntry> board(@RequestParam(required = false) String policyId) {
        return queries.many(new FindItemBoard(RequestParams.optional(policyId)), ItemBoardEntry.class);
    }

    @GetMapping("/{policyId}/{number}")
    public ItemDetail item(@PathVariable String policyId, @PathVariable String number) {
        return queries.one(new FindItem(policyId, RequestParams.itemNumber("number", number)), ItemDetail.class);
    }
}

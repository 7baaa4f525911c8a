package io.duban.query.rebuild;

import io.duban.query.web.BadRequestException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * Operations on the views. Who may call them (office, inspector) is decided by the application's security setup.
 */
@RestController
@RequestMapping("/api/admin/views")
public class ViewAdminController {

    private final ViewRebuilder rebuilder;

    public ViewAdminController(ViewRebuilder rebuilder) {
        this.rebuilder = rebuilder;
    }

    /** Per view: processor, caught up or not, replaying, token position, document count. */
    @GetMapping
    public List<ViewStatus> views() {
        return rebuilder.statuses();
    }

    /**
     * Drops the named view (every view without {@code view}) and replays the event store into it. Answers 202 as soon
     * as the replay runs; follow it with {@code GET /api/admin/views}.
     */
    @PostMapping("/rebuild")
    public ResponseEntity<List<ViewStatus>> rebuild(@RequestParam(required = false) String view) {
        String name = view == null || view.isBlank() ? null : view.trim();
        if (name != null && !rebuilder.viewNames().contains(name)) {
            throw new BadRequestException("未知视图：" + name + "，可选：" + String.join("、", rebuilder.viewNames()));
        }
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(rebuilder.rebuild(name));
    }
}

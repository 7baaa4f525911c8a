package io.duban.command.web;

import io.duban.command.access.CurrentActor;
import io.duban.command.api.CommandRefusedException;
import io.duban.command.api.dispatch.DispatchRoundId;
import io.duban.command.dispatch.DispatchSteps;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.LocalDate;

/**
 * The office opens the current quarter's dispatch round on demand ({@code POST /api/dispatch-rounds}), instead of
 * waiting for the daily work: 201 when this request opened it, 200 when it was open already (open commitments it
 * did not hold yet join it). Only the current quarter: a past round is history, a future one has no commitments yet.
 */
@RestController
@RequestMapping(path = "/api/dispatch-rounds", produces = "application/json")
public class DispatchRoundOpeningController {

    private final DispatchSteps steps;
    private final CurrentActor currentActor;
    private final Clock clock;

    public DispatchRoundOpeningController(DispatchSteps steps, CurrentActor currentActor, Clock clock) {
        this.steps = steps;
        this.currentActor = currentActor;
        this.clock = clock;
    }

    @PostMapping
    public ResponseEntity<DispatchSteps.OpenedRound> open(@RequestParam(required = false) String roundId) {
        String current = DispatchRoundId.of(LocalDate.now(clock));
        if (roundId != null && !roundId.equals(current)) {
            throw CommandRefusedException.invalid("dispatch.not-current-quarter",
                    "只能开启本季度（" + current + "）的调度轮次，收到的是：" + roundId);
        }
        DispatchSteps.OpenedRound round = steps.openNow(LocalDate.now(clock), currentActor.get());
        return ResponseEntity.status(round.opened() ? HttpStatus.CREATED : HttpStatus.OK).body(round);
    }
}

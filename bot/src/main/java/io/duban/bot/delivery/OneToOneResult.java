package io.duban.bot.delivery;

import java.util.List;

/**
 * The answer to a 1:1 batch: users DingTalk throttled were NOT sent the message (retry them later); invalid users
 * will never receive it.
 */
public record OneToOneResult(List<String> flowControlled, List<String> invalid) {

    public OneToOneResult {
        flowControlled = flowControlled == null ? List.of() : List.copyOf(flowControlled);
        invalid = invalid == null ? List.of() : List.copyOf(invalid);
    }
}

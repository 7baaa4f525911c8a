package io.duban.query.api.timeline;

import io.duban.command.api.Channel;
import io.duban.query.api.ActorRef;

import java.time.Instant;

/**
 * One event of a commitment as people read it: who, when, through which channel (with the DingTalk msgId when it
 * came from a chat message), in one Chinese line.
 *
 * @param type    the event's type, e.g. {@code ProgressReported}
 * @param percent the reported progress for {@code ProgressReported}, otherwise null: the progress history is the
 *                entries that have one
 */
public record HistoryEntry(long sequence, String type, Instant at, ActorRef actor, Channel channel, String messageId,
                           String summary, Integer percent) {
}

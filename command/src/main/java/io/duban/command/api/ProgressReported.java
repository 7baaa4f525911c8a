package io.duban.command.api;

/** The unit reported its progress. */
public record ProgressReported(String commitmentId, int percent, int previousPercent, String note, String reasonForDecrease, Actor actor) {
}

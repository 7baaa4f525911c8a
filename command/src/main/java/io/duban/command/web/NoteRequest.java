package io.duban.command.web;

/** A body with one free-text field, used by the steps that only need a note, comment, reason or summary. */
public record NoteRequest(String text) {
}

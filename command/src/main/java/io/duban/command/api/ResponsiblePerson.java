package io.duban.command.api;

/** The named person answerable for a commitment (art. 25: 责任人). */
public record ResponsiblePerson(String name, String position) {
}

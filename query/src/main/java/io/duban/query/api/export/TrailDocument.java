package io.duban.query.api.export;

/**
 * An export ready to serve.
 *
 * @param fileName    the download's name ({@code audit-trail.csv}, …)
 * @param contentType the media type with its charset
 * @param attachment  true = a download (CSV, JSON Lines); false = shown in the browser (the printable HTML)
 * @param text        the document (UTF-8 when served)
 */
public record TrailDocument(String fileName, String contentType, boolean attachment, String text) {
}

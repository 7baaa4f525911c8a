package io.duban.command.catalog;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code duban.catalog.units.*}: the office's additions to the bundled unit list (catalog/units-nmg.csv).
 *
 * @param extraLocation a Spring resource location ({@code file:/etc/duban/units-extra.csv}) of a UTF-8 file in the
 *                      bundled list's format, read once at start-up after the bundled list: it may add bodies or
 *                      aliases of listed ones. Empty: the bundled list alone.
 */
@ConfigurationProperties("duban.catalog.units")
public record UnitListProperties(String extraLocation) {
}

package io.duban.command.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A unit responsible for a support item, by its canonical name (e.g. 自治区财政厅).
 *
 * @param unitId        stable id derived from the canonical name, see {@link #idFor(String)}
 * @param name          canonical name
 * @param coResponsible true for a unit made responsible for every item by the note under the table
 *                      (呼和浩特市人民政府), false for the units listed in the item's own row
 */
public record ResponsibleUnit(String unitId, String name, boolean coResponsible) {

    public static ResponsibleUnit of(String canonicalName, boolean coResponsible) {
        return new ResponsibleUnit(idFor(canonicalName), canonicalName, coResponsible);
    }

    /** "u" + the first 8 hex digits of SHA-256 of the canonical name: stable across documents and imports. */
    public static String idFor(String canonicalName) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(canonicalName.getBytes(StandardCharsets.UTF_8));
            return "u" + HexFormat.of().formatHex(hash, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}

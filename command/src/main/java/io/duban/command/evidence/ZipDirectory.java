package io.duban.command.evidence;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The entry names of a ZIP file, read from its central directory only: nothing is decompressed, so a crafted archive
 * (a "zip bomb") costs no more than its own bytes. Enough to tell a Word, Excel, PowerPoint or OFD document (all ZIP
 * containers) from any other archive. ZIP64 and broken directories read as "not a document".
 */
final class ZipDirectory {

    private static final int END_OF_DIRECTORY = 0x06054b50;
    private static final int DIRECTORY_ENTRY = 0x02014b50;
    private static final int END_RECORD_SIZE = 22;
    private static final int MAX_COMMENT = 0xFFFF;
    private static final int MAX_ENTRIES = 10_000;

    private ZipDirectory() {
    }

    static Optional<Set<String>> entryNames(byte[] zip) {
        int end = findEndRecord(zip);
        if (end < 0) {
            return Optional.empty();
        }
        int count = u16(zip, end + 10);
        long offset = u32(zip, end + 16);
        if (count == 0xFFFF || offset == 0xFFFFFFFFL || count > MAX_ENTRIES || offset >= end) {
            return Optional.empty();
        }
        Set<String> names = new LinkedHashSet<>();
        int at = (int) offset;
        for (int i = 0; i < count; i++) {
            if (at + 46 > end || (int) u32(zip, at) != DIRECTORY_ENTRY) {
                return Optional.empty();
            }
            int nameLength = u16(zip, at + 28);
            int next = at + 46 + nameLength + u16(zip, at + 30) + u16(zip, at + 32);
            if (next > end) {
                return Optional.empty();
            }
            // ISO-8859-1 keeps every byte: the names looked for are ASCII
            names.add(new String(zip, at + 46, nameLength, StandardCharsets.ISO_8859_1));
            at = next;
        }
        return Optional.of(names);
    }

    private static int findEndRecord(byte[] zip) {
        int lowest = Math.max(0, zip.length - END_RECORD_SIZE - MAX_COMMENT);
        for (int at = zip.length - END_RECORD_SIZE; at >= lowest; at--) {
            if ((int) u32(zip, at) == END_OF_DIRECTORY) {
                return at;
            }
        }
        return -1;
    }

    private static int u16(byte[] b, int at) {
        return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8;
    }

    private static long u32(byte[] b, int at) {
        return (u16(b, at) | (long) u16(b, at + 2) << 16) & 0xFFFFFFFFL;
    }
}

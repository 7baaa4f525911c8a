package io.duban.command.catalog;

import java.util.List;

/**
 * The raw document reduced to plain lines: whatever editor or converter produced it (Windows line ends, a BOM,
 * full-width or non-breaking spaces), the readers downstream see '\n'-separated lines whose only whitespace is
 * ASCII space and tab. Tabs are kept because they mark the cells of the appendix table.
 */
final class PolicyText {

    /** Far above any real 意见 (the bundled one is 25 KB); a bound keeps a pasted binary from tying up the parser. */
    static final int MAX_UTF8_BYTES = 2 * 1024 * 1024;

    private final List<String> lines;

    private PolicyText(List<String> lines) {
        this.lines = lines;
    }

    static PolicyText of(String raw) {
        if (raw == null) {
            throw UnparseablePolicy.because("文件内容为空");
        }
        if (utf8Length(raw) > MAX_UTF8_BYTES) {
            throw UnparseablePolicy.because("文件过大：超过" + MAX_UTF8_BYTES / (1024 * 1024) + " MB");
        }
        String plain = plain(raw);
        if (ChineseWhitespace.removeAll(plain).isEmpty()) {
            throw UnparseablePolicy.because("文件内容为空");
        }
        return new PolicyText(List.of(plain.split("\n", -1)));
    }

    List<String> lines() {
        return lines;
    }

    static boolean isBlank(String line) {
        for (int i = 0; i < line.length(); i++) {
            if (!ChineseWhitespace.isSpace(line.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static String plain(String raw) {
        StringBuilder out = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '\r') {
                out.append('\n');
                if (i + 1 < raw.length() && raw.charAt(i + 1) == '\n') {
                    i++;
                }
            } else if (c == '\n' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
                out.append('\n');
            } else if (c == '\t') {
                out.append('\t');
            } else if (c == '\uFEFF' || c == '\u200B' || c == '\u200C' || c == '\u200D' || c == '\u2060') {
                // BOM and zero-width characters carry nothing and would otherwise split words invisibly.
                continue;
            } else if (ChineseWhitespace.isSpace(c) || Character.isISOControl(c)) {
                out.append(' ');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static long utf8Length(String s) {
        if (s.length() > MAX_UTF8_BYTES) {
            return s.length();
        }
        long bytes = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }
}

package io.duban.bot.reply;

import java.text.Normalizer;

/**
 * Folds the many ways a phone keyboard can type the same reply into one form before the grammar looks at it:
 * <ol>
 *   <li>drops control characters, format characters (zero-width spaces and joiners, RTL/LTR marks, BOM, soft
 *       hyphen) and unpaired surrogates — invisible, but they would split "进度" or "#31" in two;</li>
 *   <li>NFKC: full-width digits, letters and symbols become ASCII (８０％ → 80%, ＃ → #, ：→ :, ，→ ,);</li>
 *   <li>Chinese punctuation that NFKC leaves alone becomes its ASCII counterpart (。→ . 、→ , “” → ");</li>
 *   <li>every run of whitespace (including U+3000 and line breaks) becomes one space; the ends are trimmed.</li>
 * </ol>
 * Notes and reasons are kept in this normalised form too: the timeline then stores one spelling of "80%".
 */
final class MessageNormalizer {

    private MessageNormalizer() {
    }

    static String normalize(String text) {
        if (text == null) {
            return "";
        }
        String visible = dropInvisible(text);
        String folded = Normalizer.normalize(visible, Normalizer.Form.NFKC);
        return collapseWhitespace(mapChinesePunctuation(dropInvisible(folded)));
    }

    private static String dropInvisible(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                out.append(' ');
                return;
            }
            int type = Character.getType(cp);
            if (type == Character.CONTROL || type == Character.FORMAT || type == Character.SURROGATE) {
                return;
            }
            out.appendCodePoint(cp);
        });
        return out.toString();
    }

    private static String mapChinesePunctuation(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            out.append(switch (c) {
                case '。', '｡' -> '.';
                case '、' -> ',';
                case '“', '”', '「', '」', '『', '』' -> '"';
                case '‘', '’' -> '\'';
                case '【', '〔' -> '[';
                case '】', '〕' -> ']';
                default -> c;
            });
        }
        return out.toString();
    }

    private static String collapseWhitespace(String text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean pendingSpace = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ' ') {
                pendingSpace = out.length() > 0;
            } else {
                if (pendingSpace) {
                    out.append(' ');
                    pendingSpace = false;
                }
                out.append(c);
            }
        }
        return out.toString();
    }
}

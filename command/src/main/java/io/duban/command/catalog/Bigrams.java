package io.duban.command.catalog;

import java.util.HashSet;
import java.util.Set;

/**
 * The distinct character bigrams of a text, punctuation and whitespace left out. Chinese has no word boundaries, and
 * bigrams are the usual cheap stand-in for words: they survive the rewording between an article and its appendix row
 * (等方面 → 等事项) far better than exact substrings.
 */
final class Bigrams {

    private final Set<Long> grams;

    private Bigrams(Set<Long> grams) {
        this.grams = grams;
    }

    static Bigrams of(String text) {
        Set<Long> grams = new HashSet<>();
        int previous = -1;
        for (int cp : text.codePoints().toArray()) {
            if (!Character.isLetterOrDigit(cp)) {
                // a punctuation mark separates two runs; no bigram spans it
                previous = -1;
                continue;
            }
            if (previous >= 0) {
                grams.add(((long) previous << 21) | cp);
            }
            previous = cp;
        }
        return new Bigrams(grams);
    }

    /** The share of this text's bigrams that also occur in {@code other}: 1.0 when this text is wholly contained. */
    double containmentIn(Bigrams other) {
        if (grams.isEmpty()) {
            return 0;
        }
        int shared = 0;
        for (Long gram : grams) {
            if (other.grams.contains(gram)) {
                shared++;
            }
        }
        return (double) shared / grams.size();
    }
}

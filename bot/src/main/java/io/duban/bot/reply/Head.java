package io.duban.bot.reply;

import java.util.List;

/**
 * A normalised reply split into its recognised head and the free text after it.
 *
 * @param tokens what was recognised, in the order typed
 * @param rest   the free text after the head, not yet cleaned ("" when none)
 */
record Head(List<HeadToken> tokens, String rest) {

    Head {
        tokens = List.copyOf(tokens);
    }

    <T extends HeadToken> List<T> all(Class<T> type) {
        return tokens.stream().filter(type::isInstance).map(type::cast).toList();
    }
}

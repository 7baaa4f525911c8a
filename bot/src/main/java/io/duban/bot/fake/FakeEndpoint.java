package io.duban.bot.fake;

import java.io.IOException;

/** One path of the fake. */
interface FakeEndpoint {

    void handle(FakeExchange exchange) throws IOException;
}

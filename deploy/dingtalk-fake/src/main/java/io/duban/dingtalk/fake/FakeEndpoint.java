package io.duban.dingtalk.fake;

import java.io.IOException;

/** One path of the fake. */
interface FakeEndpoint {

    void handle(FakeExchange exchange) throws IOException;
}

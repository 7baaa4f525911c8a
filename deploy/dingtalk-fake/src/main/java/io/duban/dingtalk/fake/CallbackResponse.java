package io.duban.dingtalk.fake;

import java.net.URI;

/**
 * What the bot answered to a callback the fake delivered.
 *
 * @param status         the HTTP status
 * @param body           the response body
 * @param msgId          the delivered message's id
 * @param sessionWebhook the reply URL that went with it (points back at the fake)
 */
public record CallbackResponse(int status, String body, String msgId, URI sessionWebhook) {
}

package io.duban.dingtalk.fake;

/** Which way a message reached the fake. */
public enum Route {
    /** {@code POST /v1.0/robot/oToMessages/batchSend}, one record per delivered user. */
    ONE_TO_ONE,
    /** {@code POST /v1.0/robot/groupMessages/send}. */
    GROUP,
    /** {@code POST /robot/send}, the group custom robot. */
    WEBHOOK,
    /** {@code POST /session/{id}}, a reply through a callback's sessionWebhook. */
    SESSION_REPLY
}

package io.duban.dingtalk.fake;

/** How a total DingTalk outage looks to the caller. */
public enum OutageMode {
    /** Nothing listens on the port: the SDK raises TeaUnretryableException, an HTTP client a ConnectException. */
    CONNECTION_REFUSED,
    /** Every call answers HTTP 503 with a DingTalk-style error body: the SDK raises TeaException. */
    SERVICE_UNAVAILABLE
}

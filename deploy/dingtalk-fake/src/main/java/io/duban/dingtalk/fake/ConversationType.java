package io.duban.dingtalk.fake;

/** DingTalk's conversationType field: "1" for a one-to-one chat with the robot, "2" for a group chat. */
public enum ConversationType {
    ONE_TO_ONE("1"),
    GROUP("2");

    private final String code;

    ConversationType(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}

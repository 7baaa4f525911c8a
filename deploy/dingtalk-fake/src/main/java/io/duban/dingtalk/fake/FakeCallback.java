package io.duban.dingtalk.fake;

import java.util.Objects;
import java.util.UUID;

/**
 * A message an official "sends" to the robot, for the fake to deliver as a DingTalk callback. Delivering the same
 * instance twice sends the same msgId twice, which is how a duplicate delivery is simulated.
 *
 * @param msgId             DingTalk's message id
 * @param text              text.content exactly as delivered (group messages keep DingTalk's leading space)
 * @param senderStaffId     the official's organisation userId
 * @param senderNick        the display name
 * @param conversationType  1:1 or group
 * @param conversationId    the chat's id
 * @param conversationTitle the group's name, null for a 1:1 chat
 */
public record FakeCallback(String msgId, String text, String senderStaffId, String senderNick,
                           ConversationType conversationType, String conversationId, String conversationTitle) {

    public FakeCallback {
        Objects.requireNonNull(msgId, "msgId");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(senderStaffId, "senderStaffId");
        Objects.requireNonNull(senderNick, "senderNick");
        Objects.requireNonNull(conversationType, "conversationType");
        Objects.requireNonNull(conversationId, "conversationId");
    }

    /** A 1:1 chat message, text as typed. */
    public static FakeCallback oneToOne(String senderStaffId, String senderNick, String text) {
        return new FakeCallback(newMsgId(), text, senderStaffId, senderNick, ConversationType.ONE_TO_ONE,
                "cidfake1to1" + Integer.toHexString(senderStaffId.hashCode()), null);
    }

    /**
     * A group message that @-mentions the robot. DingTalk delivers only those, strips the mention and leaves the
     * space after it, so the text arrives with a leading space.
     */
    public static FakeCallback inGroup(String senderStaffId, String senderNick, String conversationId, String title,
                                       String text) {
        return new FakeCallback(newMsgId(), " " + text, senderStaffId, senderNick, ConversationType.GROUP,
                conversationId, title);
    }

    private static String newMsgId() {
        return "msgfake" + UUID.randomUUID().toString().replace("-", "");
    }
}

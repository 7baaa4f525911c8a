package io.duban.bot.inbound;

/**
 * The fields Duban uses of a DingTalk robot callback (HTTP callback mode and Stream mode carry the same JSON).
 *
 * @param senderStaffId    the organisation's userId of the sender; absent for people outside the organisation
 * @param conversationType "1" one-to-one, "2" group (where only messages @-ing the robot arrive)
 * @param sessionWebhook   where to post the answer, valid until {@code sessionWebhookExpiredTime} (epoch ms)
 */
public record InboundMessage(String msgId, String msgtype, String text, String senderStaffId, String senderNick,
                             String conversationType, String sessionWebhook, long sessionWebhookExpiredTime) {

    public boolean isGroup() {
        return "2".equals(conversationType);
    }
}

package io.duban.bot.delivery;

import java.util.List;

/** Where messages leave Duban for DingTalk. */
public interface DingTalkGateway {

    /** At most {@link #MAX_USERS_PER_BATCH} users per call (DingTalk's limit). */
    int MAX_USERS_PER_BATCH = 20;

    OneToOneResult sendOneToOne(List<String> userIds, String title, String markdown) throws DeliveryException;

    void sendToOfficeGroup(String title, String markdown) throws DeliveryException;
}

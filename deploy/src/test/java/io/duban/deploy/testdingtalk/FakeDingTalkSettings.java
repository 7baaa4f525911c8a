package io.duban.deploy.testdingtalk;

import io.duban.dingtalk.fake.FakeDingTalk;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * For deploy's tests whose subject needs DingTalk switched on (alerts in the outbox, the callback endpoint): the
 * DingTalk fake (a test dependency), plugged into the product from outside through its {@code duban.dingtalk.*}
 * settings, as the harness's demo does. The product itself has no fake.
 */
public final class FakeDingTalkSettings implements AutoCloseable {

    public static final String OFFICE_CONVERSATION = "cidtestofficegroup";

    private final FakeDingTalk fake = FakeDingTalk.start(io.duban.dingtalk.fake.FakeDingTalkSettings.generated());

    /** {@code args} followed by the settings that point the bot at the fake. */
    public String[] with(String... args) {
        List<String> all = new ArrayList<>(Arrays.asList(args));
        fake.dubanProperties(OFFICE_CONVERSATION).forEach((key, value) -> all.add("--" + key + "=" + value));
        return all.toArray(String[]::new);
    }

    public FakeDingTalk fake() {
        return fake;
    }

    @Override
    public void close() {
        fake.close();
    }
}

package io.duban.harness.demo;

import io.duban.deploy.DubanApplication;
import io.duban.deploy.demo.DemoModeCheck;
import io.duban.dingtalk.fake.FakeDingTalk;
import io.duban.dingtalk.fake.FakeDingTalkSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.MapPropertySource;

import java.time.Clock;
import java.util.List;

/**
 * The demo: the product in its {@code demo} profile with the DingTalk fake plugged in from outside. The fake starts
 * first (127.0.0.1, a free port, credentials generated at every start); its {@code duban.dingtalk.*} settings go in
 * ahead of every other configuration, so the real bot talks to it through the real SDK exactly as it would talk to
 * DingTalk; and the developer endpoints {@code /api/dev/dingtalk/**} are added. The fake is a bean of the context
 * (the endpoints, bench and drills use it) and closes with it.
 *
 * <p>This is the only way to get the fake and the reply-as-official endpoints: they are not in the product jar, so no
 * setting can ever switch them on in production.
 */
public final class DemoApplication {

    /** The office group chat the fake stands in for. */
    public static final String OFFICE_CONVERSATION = "cidfakeofficegroup";
    static final String PROPERTY_SOURCE = "dingtalk-fake";
    private static final Logger log = LoggerFactory.getLogger(DemoApplication.class);

    private DemoApplication() {
    }

    /** Starts the demo with the product's command-line arguments ({@code --server.port=…}, …). */
    public static ConfigurableApplicationContext run(String... args) {
        return run(List.of(), args);
    }

    /** As {@link #run(String...)}, with more configuration classes (the bench's instruments). */
    public static ConfigurableApplicationContext run(List<Class<?>> extraSources, String... args) {
        FakeDingTalk fake = FakeDingTalk.start(FakeDingTalkSettings.generated(), Clock.systemUTC(), 0);
        try {
            List<Class<?>> sources = new java.util.ArrayList<>(List.of(DubanApplication.class, DemoEndpoints.class));
            sources.addAll(extraSources);
            ConfigurableApplicationContext context = new SpringApplicationBuilder(sources.toArray(Class<?>[]::new))
                    .profiles(DemoModeCheck.PROFILE)
                    .initializers(app -> plugIn(fake, app))
                    .run(args);
            log.info("Demo: the bot talks to the DingTalk fake on 127.0.0.1:{}, not to DingTalk", fake.port());
            return context;
        } catch (RuntimeException e) {
            fake.close();
            throw e;
        }
    }

    private static void plugIn(FakeDingTalk fake, ConfigurableApplicationContext app) {
        app.getEnvironment().getPropertySources()
                .addFirst(new MapPropertySource(PROPERTY_SOURCE, fake.dubanProperties(OFFICE_CONVERSATION)));
        ((GenericApplicationContext) app).registerBean("fakeDingTalk", FakeDingTalk.class, () -> fake,
                definition -> definition.setDestroyMethodName("close"));
    }
}

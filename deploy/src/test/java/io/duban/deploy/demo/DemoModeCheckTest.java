package io.duban.deploy.demo;

import io.duban.deploy.DubanApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.mock.env.MockEnvironment;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Outside the demo profile the service refuses demo data and an unset DingTalk configuration, naming the settings. */
class DemoModeCheckTest {

    @TempDir
    Path dataDir;

    @Test
    void the_plain_embedded_default_without_the_demo_profile_refuses_to_start_and_names_the_settings() {
        // when the service is started as before, without --spring.profiles.active=demo
        assertThatThrownBy(() -> start("--duban.data-dir=" + dataDir.toAbsolutePath(), "--server.port=0"))
                // then it refuses, naming what to set, and has opened nothing
                .hasStackTraceContaining("DUBAN_ACCOUNTS")
                .hasStackTraceContaining("DUBAN_DINGTALK_APP_KEY")
                .hasStackTraceContaining("DUBAN_DINGTALK_APP_SECRET")
                .hasStackTraceContaining("DUBAN_DINGTALK_ROBOT_CODE")
                .hasStackTraceContaining("--spring.profiles.active=demo");
        assertThat(Files.exists(dataDir.resolve("events.mv.db"))).isFalse();
    }

    @Test
    void the_demo_accounts_and_a_local_dingtalk_stand_in_are_refused_outside_the_demo_profile() {
        assertThatThrownBy(() -> start("--duban.data-dir=" + dataDir.toAbsolutePath(), "--server.port=0",
                "--spring.config.import=classpath:demo-accounts.yml,classpath:demo-officials.yml",
                "--duban.dingtalk.protocol=http"))
                .isInstanceOfSatisfying(DemoModeRefusal.class, refusal -> assertThat(refusal.problems())
                        .anySatisfy(p -> assertThat(p).contains("demo accounts").contains("DUBAN_ACCOUNTS"))
                        .anySatisfy(p -> assertThat(p).contains("demo officials").contains("DUBAN_OFFICIALS"))
                        .anySatisfy(p -> assertThat(p).contains("DUBAN_DINGTALK_PROTOCOL").contains("DingTalk fake")));
    }

    @Test
    void plain_text_passwords_are_refused_outside_the_demo_profile() {
        MockEnvironment environment = production()
                .withProperty("duban.security.accounts[0].password", "{noop}secret");
        assertThat(DemoModeCheck.problems(environment)).singleElement().asString()
                .contains("{noop}").contains("[office-zhang]").contains("DUBAN_ACCOUNTS");
    }

    @Test
    void a_production_configuration_passes() {
        assertThat(DemoModeCheck.problems(production())).isEmpty();
        assertThat(DemoModeCheck.problems(production().withProperty("duban.dingtalk.enabled", "false")
                .withProperty("duban.dingtalk.app-key", ""))).isEmpty();
    }

    @Test
    void an_enabled_but_unconfigured_dingtalk_names_exactly_what_is_missing() {
        MockEnvironment environment = production().withProperty("duban.dingtalk.robot-code", " ");
        assertThat(DemoModeCheck.problems(environment)).singleElement().asString()
                .contains("DUBAN_DINGTALK_ROBOT_CODE is unset").doesNotContain("APP_KEY")
                .contains("DUBAN_DINGTALK_ENABLED=false");
    }

    private static MockEnvironment production() {
        return new MockEnvironment()
                .withProperty("duban.security.accounts[0].username", "office-zhang")
                .withProperty("duban.security.accounts[0].password", "{bcrypt}$2a$12$abcdefghijklmnopqrstuv")
                .withProperty("duban.security.accounts[0].role", "OFFICE")
                .withProperty("duban.dingtalk.enabled", "true")
                .withProperty("duban.dingtalk.app-key", "dingkey")
                .withProperty("duban.dingtalk.app-secret", "secret")
                .withProperty("duban.dingtalk.robot-code", "dingrobot");
    }

    private static void start(String... args) {
        ConfigurableApplicationContext app = new SpringApplicationBuilder(DubanApplication.class).run(args);
        app.close(); // reached only when the check let it start: the assertion then fails
    }
}

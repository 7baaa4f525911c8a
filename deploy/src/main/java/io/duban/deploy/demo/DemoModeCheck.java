package io.duban.deploy.demo;

import io.duban.command.access.Account;
import io.duban.command.access.AccountProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * The embedded demo is an explicit mode: the profile {@value #PROFILE}. Outside it the service refuses to start with
 * anything that belongs to the demo — its accounts (known plain-text passwords), its officials, a DingTalk stand-in
 * reached over plain HTTP — and with DingTalk switched on but not configured. Checked before any bean is created, so
 * nothing is opened or recorded first.
 *
 * <p>The product's demo runs without DingTalk. The DingTalk fake and its developer endpoints (which let a logged-in
 * user speak as any official) are not in the product at all: the harness ({@code duban-harness.jar demo}) runs this
 * profile with the fake plugged in through the {@code duban.dingtalk.*} settings.
 */
@Component
public class DemoModeCheck implements BeanFactoryPostProcessor, EnvironmentAware {

    public static final String PROFILE = "demo";
    private static final Logger log = LoggerFactory.getLogger(DemoModeCheck.class);

    private Environment environment;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        if (environment.matchesProfiles(PROFILE)) {
            log.warn("DEMO MODE (profile '{}'): demo accounts with published passwords and demo officials. Never use "
                    + "it with real data.", PROFILE);
            if (flag(environment, "duban.dingtalk.enabled")) {
                log.warn("DEMO MODE: DingTalk at {}://{}", environment.getProperty("duban.dingtalk.protocol", "https"),
                        environment.getProperty("duban.dingtalk.api-endpoint", "api.dingtalk.com"));
            } else {
                log.warn("DEMO MODE: DingTalk is off (duban.dingtalk.enabled=false): no alerts are sent and no replies "
                        + "arrive. The demo with the DingTalk fake runs from the harness: "
                        + "java -jar deploy/harness/target/duban-harness.jar demo");
            }
            return;
        }
        List<String> problems = problems(environment);
        if (!problems.isEmpty()) {
            throw new DemoModeRefusal(problems);
        }
    }

    /** What stands in the way of a start outside the demo profile; empty when nothing does. */
    static List<String> problems(Environment environment) {
        Binder binder = Binder.get(environment);
        List<String> problems = new ArrayList<>();
        List<Account> accounts = binder.bind("duban.security", AccountProperties.class)
                .map(AccountProperties::accounts).orElse(List.of());
        List<String> plain = accounts.stream()
                .filter(a -> a.password() != null && a.password().startsWith("{noop}"))
                .map(Account::username).toList();
        if (flag(environment, "duban.demo-data.accounts")) {
            problems.add("the demo accounts (demo-accounts.yml) are configured: set DUBAN_ACCOUNTS to your own "
                    + "accounts file, e.g. DUBAN_ACCOUNTS=file:/etc/duban/accounts.yml (deploy/production/accounts.example.yml)");
        } else if (!plain.isEmpty()) {
            problems.add("accounts with plain-text {noop} passwords " + plain + " in DUBAN_ACCOUNTS "
                    + "(duban.security.accounts): store {bcrypt} hashes");
        } else if (accounts.isEmpty()) {
            problems.add("no accounts are configured: set DUBAN_ACCOUNTS=file:/etc/duban/accounts.yml "
                    + "(duban.security.accounts, {bcrypt} passwords)");
        }
        if (flag(environment, "duban.demo-data.officials")) {
            problems.add("the demo officials (demo-officials.yml) are configured: set DUBAN_OFFICIALS to your own "
                    + "directory file or leave it unset and maintain the directory with POST /api/officials");
        }
        boolean dingTalk = environment.getProperty("duban.dingtalk.enabled", Boolean.class, false);
        if (dingTalk && "http".equalsIgnoreCase(environment.getProperty("duban.dingtalk.protocol", "https"))) {
            problems.add("DingTalk over plain HTTP (DUBAN_DINGTALK_PROTOCOL, duban.dingtalk.protocol=http) is a local "
                    + "stand-in such as the DingTalk fake: DingTalk itself is reached over https");
        }
        if (dingTalk) {
            List<String> unset = new ArrayList<>();
            unsetOf(environment, "duban.dingtalk.app-key", "DUBAN_DINGTALK_APP_KEY", unset);
            unsetOf(environment, "duban.dingtalk.app-secret", "DUBAN_DINGTALK_APP_SECRET", unset);
            unsetOf(environment, "duban.dingtalk.robot-code", "DUBAN_DINGTALK_ROBOT_CODE", unset);
            if (!unset.isEmpty()) {
                problems.add("DingTalk is enabled (DUBAN_DINGTALK_ENABLED) but " + String.join(", ", unset)
                        + (unset.size() == 1 ? " is" : " are") + " unset: set them, or DUBAN_DINGTALK_ENABLED=false "
                        + "to run without the bot");
            }
        }
        return problems;
    }

    private static boolean flag(Environment environment, String key) {
        return environment.getProperty(key, Boolean.class, false);
    }

    private static void unsetOf(Environment environment, String key, String variable, List<String> unset) {
        String value = environment.getProperty(key);
        if (value == null || value.isBlank()) {
            unset.add(variable);
        }
    }
}

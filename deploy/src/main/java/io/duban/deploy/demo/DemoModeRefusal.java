package io.duban.deploy.demo;

import java.util.List;

/** The service was started outside the demo profile with demo settings or without its DingTalk configuration. */
public class DemoModeRefusal extends IllegalStateException {

    private final List<String> problems;

    public DemoModeRefusal(List<String> problems) {
        super("Duban does not start outside the demo profile with these settings:\n  - "
                + String.join("\n  - ", problems)
                + "\nTo run the embedded demo instead: java -jar duban.jar --spring.profiles.active=" + DemoModeCheck.PROFILE);
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}

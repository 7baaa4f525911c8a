package io.duban.deploy;

import java.util.Arrays;

import io.duban.query.audit.verify.AuditCli;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The runnable product: wires the command, query, bot and console modules over real storage. Its main is a plain Spring
 * application, plus {@code verify}, the inspectors' verifier. The demo with the DingTalk fake, the bench and the
 * drills run the product from the harness ({@code deploy/harness}), which this module does not know.
 *
 * <p>Scans the product's own packages only, so that whatever runs it (the harness) decides itself what it adds.
 */
@SpringBootApplication(scanBasePackages = {"io.duban.command", "io.duban.query", "io.duban.bot", "io.duban.console", "io.duban.deploy"})
public class DubanApplication {

    public static void main(String[] args) {
        if (args.length > 0 && "verify".equals(args[0])) {
            // the inspectors' verifier: plain JDBC, neither the web application nor Axon is started
            System.exit(AuditCli.run(Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
        }
        quietAxon();
        SpringApplication.run(DubanApplication.class, args);
    }

    /** Axon 4.13 checks for updates over the internet unless told not to; Duban runs in closed networks. */
    public static void quietAxon() {
        System.setProperty("axoniq.update-checker.disabled", "true");
        System.setProperty("disable-axoniq-console-message", "true");
    }
}

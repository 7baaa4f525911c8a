package io.duban.deploy;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The runnable assembly: wires the command, query (and later bot) modules over real storage. */
@SpringBootApplication(scanBasePackages = "io.duban")
public class DubanApplication {

    public static void main(String[] args) {
        // Axon 4.13 checks for updates over the internet unless told not to; Duban runs in closed networks.
        System.setProperty("axoniq.update-checker.disabled", "true");
        System.setProperty("disable-axoniq-console-message", "true");
        SpringApplication.run(DubanApplication.class, args);
    }
}

package io.duban.deploy;

import java.util.Arrays;

import io.duban.query.audit.verify.AuditCli;
import io.duban.deploy.bench.BenchCli;
import io.duban.deploy.drill.DrillCli;
import io.duban.deploy.mongo.MongoServerCli;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The runnable assembly: wires the command, query (and later bot) modules over real storage. */
@SpringBootApplication(scanBasePackages = "io.duban")
public class DubanApplication {

    public static void main(String[] args) {
        if (args.length > 0 && "verify".equals(args[0])) {
            // the inspectors' verifier: plain JDBC, neither the web application nor Axon is started
            System.exit(AuditCli.run(Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
        }
        // Axon 4.13 checks for updates over the internet unless told not to; Duban runs in closed networks.
        System.setProperty("axoniq.update-checker.disabled", "true");
        System.setProperty("disable-axoniq-console-message", "true");
        if (args.length > 0 && "bench".equals(args[0])) {
            // the benchmark harness boots the application itself, on a fresh temp database, and prints figures
            System.exit(BenchCli.run(Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
        }
        if (args.length > 0 && "drill".equals(args[0])) {
            // crash, outage and abuse drills: each starts what it needs and prints what it checked and what was lost
            System.exit(DrillCli.run(Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
        }
        if (args.length > 0 && "mongo-server".equals(args[0])) {
            // the views' MongoDB-wire server as a process of its own (drills, trials); blocks until SIGTERM
            System.exit(MongoServerCli.run(Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
        }
        SpringApplication.run(DubanApplication.class, args);
    }
}

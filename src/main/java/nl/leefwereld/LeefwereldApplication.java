package nl.leefwereld;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.stream.Stream;
import nl.leefwereld.privacy.AuditChain;
import nl.leefwereld.synthetic.GenerateOptions;
import nl.leefwereld.synthetic.SyntheticMunicipality;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;

/** Leefwereld: one household, one plan, one director. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class LeefwereldApplication {

    static final String VERIFY_AUDIT = "verify-audit";
    static final String GENERATE = "generate";

    public static void main(String[] args) {
        if (args.length > 0 && VERIFY_AUDIT.equals(args[0])) {
            System.exit(verifyAudit(Arrays.copyOfRange(args, 1, args.length), System.out));
        }
        if (args.length > 0 && GENERATE.equals(args[0])) {
            System.exit(generate(Arrays.copyOfRange(args, 1, args.length), System.out));
        }
        SpringApplication.run(LeefwereldApplication.class, args);
    }

    /**
     * {@code java -jar leefwereld.jar verify-audit}: checks the audit trail's hash chain of every municipality without
     * starting the web server (and without loading demo data). Prints the rows checked and the first broken row;
     * exit code 0 when intact, 1 when broken.
     */
    static int verifyAudit(String[] args, PrintStream out) {
        SpringApplication app = new SpringApplication(LeefwereldApplication.class);
        // The security configuration needs a web context; port -1 keeps the web server from listening at all.
        String[] withDefaults = Stream.concat(Stream.of("--server.port=-1", "--leefwereld.demo.enabled=false", "--spring.main.banner-mode=off",
                "--leefwereld.monitor.refresh-on-first-start=false", "--leefwereld.monitor.refresh-cron=-", "--leefwereld.budget.batch-cron=-"),
                Arrays.stream(args)).toArray(String[]::new);
        try (ConfigurableApplicationContext context = app.run(withDefaults)) {
            AuditChain.Verification v = context.getBean(AuditChain.class).verify(null);
            out.println("Auditlog: " + v.rowsChecked() + " regels gecontroleerd.");
            if (v.intact()) {
                out.println("De hashketen is intact. Laatste hash: " + v.lastHash());
                return 0;
            }
            out.println("DE HASHKETEN IS GEBROKEN bij gemeente " + v.brokenMunicipality() + ", volgnummer " + v.brokenSequence()
                    + " (id " + v.brokenRowId() + "): " + v.problem());
            out.println("Laatste intacte hash ervoor: " + v.lastHash());
            return 1;
        }
    }

    /**
     * {@code java -jar leefwereld.jar generate --households 100000 --seed 7}: fills the configured database (by default
     * the embedded one under ./data/) with a synthetic municipality, without the web server, printing progress and
     * households per second. Exit code 0 when done, 1 when refused or failed, 2 for wrong arguments.
     */
    static int generate(String[] args, PrintStream out) {
        GenerateOptions options;
        try {
            options = GenerateOptions.parse(args);
        } catch (IllegalArgumentException e) {
            out.println(e.getMessage());
            out.println(GenerateOptions.USAGE);
            return 2;
        }
        SpringApplication app = new SpringApplication(LeefwereldApplication.class);
        // bulk-load: the embedded server of this run only gets settings for loading (EmbeddedDatabaseConfiguration),
        // unless the command line says otherwise.
        boolean bulkLoadGiven = options.springArguments().stream().anyMatch(a -> a.startsWith("--leefwereld.database.bulk-load="));
        String[] withDefaults = Stream.concat(Stream.of("--server.port=-1", "--spring.main.banner-mode=off", "--leefwereld.generator.command=true",
                        // no background work while generating (it took CPU from the load and died with the command)
                        "--leefwereld.monitor.refresh-on-first-start=false", "--leefwereld.monitor.refresh-cron=-", "--leefwereld.budget.batch-cron=-"),
                Stream.concat(bulkLoadGiven ? Stream.empty() : Stream.of("--leefwereld.database.bulk-load=true"),
                        options.springArguments().stream())).toArray(String[]::new);
        try (ConfigurableApplicationContext context = app.run(withDefaults)) {
            SyntheticMunicipality.Result r = context.getBean(SyntheticMunicipality.class).generate(options, out::println);
            out.printf(java.util.Locale.ROOT, "Klaar: %d huishoudens in %.1f s = %.0f huishoudens per seconde (gemeente %s, seed %d, peildatum %s).%n",
                    r.households(), r.millis() / 1000.0, r.householdsPerSecond(), r.municipality(), r.seed(), r.referenceDate());
            return 0;
        } catch (SyntheticMunicipality.RefusedException e) {
            out.println("Geweigerd: " + e.getMessage());
            return 1;
        }
    }
}

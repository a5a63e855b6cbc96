package nl.leefwereld.synthetic.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The application does not start on a synthetic municipality whose generator run stopped before it was done: halfway
 * through writing its parts (the municipality is incomplete; the database must be emptied), or between committing its
 * rows and building their indexes (without them every list is a scan and the unique indexes (BSN, username, audit chain)
 * would not guard new rows; the next generator run builds them). Checked once the beans exist, before the web server opens. The {@code generate} command
 * itself ({@code leefwereld.generator.command=true}) starts anyway: it is what finishes such a run.
 */
@Component
class IncompleteRunGuard implements SmartInitializingSingleton {

    private final ObjectProvider<Flyway> flyway;
    private final boolean generateCommand;

    IncompleteRunGuard(ObjectProvider<Flyway> flyway, @Value("${leefwereld.generator.command:false}") boolean generateCommand) {
        this.flyway = flyway;
        this.generateCommand = generateCommand;
    }

    @Override
    public void afterSingletonsInstantiated() {
        Flyway f = flyway.getIfAvailable();
        if (generateCommand || f == null) {
            return;
        }
        check(f.getConfiguration().getDataSource());
    }

    /** Fails with what to do when a run is incomplete. */
    static void check(DataSource owner) {
        try (Connection c = owner.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT municipality_code, seed, households, rows_committed_at IS NOT NULL FROM synthetic_run "
                     + "WHERE finished_at IS NULL ORDER BY municipality_code LIMIT 1")) {
            if (rs.next()) {
                if (!rs.getBoolean(4)) {
                    throw new IllegalStateException(SyntheticMunicipalityGenerator.interruptedWhileLoading(rs.getString(1), rs.getLong(2),
                            rs.getInt(3)));
                }
                throw new IllegalStateException("De synthetische gemeente " + rs.getString(1) + " is niet af: de generator stopte nadat de "
                        + "gegevens waren vastgelegd maar voordat alle indexen gebouwd waren. Start de generator nog een keer (java -jar "
                        + "<jar> generate --households " + rs.getInt(3) + " --seed " + rs.getLong(2) + " --municipality " + rs.getString(1)
                        + "): die bouwt de ontbrekende indexen. Daarna start de applicatie weer.");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not check the synthetic municipality runs: " + e.getMessage(), e);
        }
    }
}

package nl.leefwereld.monitor.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The monitor's reference data for the demo municipality: Meppel's budget per law of 2015 (003 L975–979) for each of
 * the demo's years (this year and the two before), and Meppel's indicators with baseline, target and measured values
 * (003 L559–564, L839–840). Loaded once, never in the prod profile.
 */
@Component
class ReferenceDemoData implements SmartLifecycle {

    static final String DEMO = "9999";
    static final String BUDGET_SOURCE = "Meppel, begroting 2015 (003 L975–979), als voorbeeld";
    /** 003 L975–979, 2015 column, in euros. */
    static final Map<String, BigDecimal> MEPPEL_2015 = Map.of("WMO", new BigDecimal("5363955"), "JEUGDWET", new BigDecimal("8293514"),
            "PARTICIPATIEWET", new BigDecimal("8850091"));
    /** The demo's years: this year and the two before. */
    static final int DEMO_YEARS = 3;

    private static final Logger log = LoggerFactory.getLogger(ReferenceDemoData.class);
    private static final String BBO = "Burgerbelevingsonderzoek 2012, nulmeting (003 L559–564)";
    private static final String KLANT_2011 = "Klantonderzoek Wmo-voorzieningen 2011, nulmeting (003 L839–840)";
    private static final String KLANT_2014 = "Klantonderzoek Wmo-voorzieningen 2014 (003 L839–840)";

    private final Indicators indicators;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Environment environment;
    private final Clock clock;
    private final boolean demo;
    private volatile boolean running;

    ReferenceDemoData(Indicators indicators, JdbcClient jdbc, TransactionTemplate tx, Environment environment, Clock clock,
                      @Value("${leefwereld.demo.enabled:false}") boolean demo) {
        this.indicators = indicators;
        this.jdbc = jdbc;
        this.tx = tx;
        this.environment = environment;
        this.clock = clock;
        this.demo = demo;
    }

    @Override
    public void start() {
        running = true;
        if (!demo || environment.acceptsProfiles(Profiles.of("prod"))
                || !jdbc.sql("SELECT EXISTS (SELECT 1 FROM municipality WHERE code = :m)").param("m", DEMO).query(Boolean.class).single()) {
            return;
        }
        tx.executeWithoutResult(s -> load());
    }

    void load() {
        int thisYear = LocalDate.now(clock).getYear();
        int budgets = 0;
        for (int year = thisYear - DEMO_YEARS + 1; year <= thisYear; year++) {
            for (Map.Entry<String, BigDecimal> b : MEPPEL_2015.entrySet()) {
                budgets += jdbc.sql("""
                        INSERT INTO monitor_law_budget (municipality_code, year, law, amount, source, set_by, set_at)
                        VALUES (:m, :y, :law, :amount, :source, 'demo', :at) ON CONFLICT DO NOTHING""")
                        .param("m", DEMO).param("y", year).param("law", b.getKey()).param("amount", b.getValue()).param("source", BUDGET_SOURCE)
                        .param("at", OffsetDateTime.now(clock)).update();
            }
        }
        if (jdbc.sql("SELECT EXISTS (SELECT 1 FROM monitor_indicator WHERE municipality_code = :m)").param("m", DEMO).query(Boolean.class).single()) {
            return;
        }
        indicators.create(DEMO, "SOCIALE_SAMENHANG", "Score sociale samenhang in de buurt", Indicators.Unit.SCORE, true,
                new BigDecimal("6.3"), 2012, BBO, new BigDecimal("6.5"), 2016, 1);
        indicators.create(DEMO, "BUREN_HELPEN", "Inwoners die hun buren wel eens helpen", Indicators.Unit.PERCENT, true,
                new BigDecimal("72"), 2012, BBO, new BigDecimal("75"), 2016, 2);
        UUID independent = indicators.create(DEMO, "ZELFSTANDIG_WONEN",
                "Cliënten voor wie de ondersteuning veel heeft bijgedragen aan zelfstandig blijven wonen", Indicators.Unit.PERCENT, true,
                new BigDecimal("46"), 2011, KLANT_2011, new BigDecimal("55"), 2016, 3);
        UUID taking = indicators.create(DEMO, "MEEDOEN", "Cliënten voor wie de ondersteuning veel heeft bijgedragen aan meedoen",
                Indicators.Unit.PERCENT, true, new BigDecimal("38"), 2011, KLANT_2011, new BigDecimal("38"), 2016, 4);
        indicators.measured(DEMO, independent, 2014, new BigDecimal("51"), KLANT_2014);
        indicators.measured(DEMO, taking, 2014, new BigDecimal("34"), KLANT_2014);
        log.info("Demo monitor reference data loaded: {} budgets per law, 4 indicators", budgets);
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Before the web server. */
    @Override
    public int getPhase() {
        return 1;
    }
}

package nl.leefwereld.budget.internal;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Every working day (cron leefwereld.budget.batch-cron, default 07:00 Monday–Friday; "-" switches it off, as in the
 * tests) every team's approved, unpaid requests go into a payment batch, so nothing waits longer than a working day.
 */
@Configuration
@EnableScheduling
class PaymentRun {

    private static final Logger LOG = LoggerFactory.getLogger(PaymentRun.class);

    private final PaymentBatches batches;
    private final Clock clock;

    PaymentRun(PaymentBatches batches, Clock clock) {
        this.batches = batches;
        this.clock = clock;
    }

    @Scheduled(cron = "${leefwereld.budget.batch-cron:0 0 7 * * MON-FRI}", zone = "Europe/Amsterdam")
    void run() {
        LocalDate today = LocalDate.now(clock);
        if (today.getDayOfWeek() == DayOfWeek.SATURDAY || today.getDayOfWeek() == DayOfWeek.SUNDAY) {
            return;
        }
        int made = batches.makeAll("automatisch").size();
        LOG.info("budget payment run: {} batch(es) made", made);
    }
}

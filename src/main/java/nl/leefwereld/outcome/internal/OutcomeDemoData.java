package nl.leefwereld.outcome.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import nl.leefwereld.identity.Administration;
import nl.leefwereld.identity.CurrentUser;
import nl.leefwereld.identity.UserAccount;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Life-domain assessments at two moments (about three months ago and two weeks ago) for the six Noordoostpolder
 * households of the demo municipality, recorded through the outcome service as the district's case director.
 */
@Component
@ConditionalOnProperty(name = "leefwereld.demo.enabled", havingValue = "true")
class OutcomeDemoData implements SmartLifecycle {

    static final String MUNICIPALITY = "9999";

    private final AssessmentService assessments;
    private final AssessmentRepository repository;
    private final Administration admin;
    private final TransactionTemplate tx;
    private final Environment environment;
    private final Clock clock;
    private final nl.leefwereld.privacy.ResidentRegister residents;
    private volatile boolean running;

    OutcomeDemoData(AssessmentService assessments, AssessmentRepository repository, Administration admin, TransactionTemplate tx,
                    Environment environment, Clock clock, nl.leefwereld.privacy.ResidentRegister residents) {
        this.residents = residents;
        this.assessments = assessments;
        this.repository = repository;
        this.admin = admin;
        this.tx = tx;
        this.environment = environment;
        this.clock = clock;
    }

    /**
     * Per household: head's BSN, director, and per moment "DOMAIN=pro/res/basis,..." plus participation, calm,
     * cleanliness, routine.
     */
    record Story(String headBsn, String director, String first, String second) {
    }

    static final List<Story> STORIES = List.of(
            new Story("999984822", "regisseur",
                    "DOMESTIC_RELATIONS=2/2/PROFESSIONAL,TIME_USE=2/1/NETWORK,FINANCES=2/3/NETWORK,SOCIAL_NETWORK=3/3/NETWORK,MENTAL_HEALTH=2/2/PROFESSIONAL;2;2;3;1",
                    "DOMESTIC_RELATIONS=3/4/NETWORK,TIME_USE=4/4/NETWORK,FINANCES=3/3/NETWORK,SOCIAL_NETWORK=4/4/NETWORK,MENTAL_HEALTH=3/3/OWN_STRENGTH;3;4;3;4"),
            new Story("999998481", "regisseur",
                    "DOMESTIC_RELATIONS=1/2/PROFESSIONAL,FINANCES=1/2/PROFESSIONAL,HOUSING=2/3/NETWORK,SOCIAL_NETWORK=3/3/NETWORK;2;1;1;2",
                    "DOMESTIC_RELATIONS=3/3/NETWORK,FINANCES=2/3/PROFESSIONAL,HOUSING=3/3/NETWORK,SOCIAL_NETWORK=4/4/NETWORK;2;3;3;3"),
            new Story("999960210", "regisseur.noord",
                    "SOCIAL_NETWORK=1/2/PROFESSIONAL,INSTRUMENTAL_ADL=2/3/PROFESSIONAL,TIME_USE=2/2/PROFESSIONAL,PHYSICAL_HEALTH=3/3/OWN_STRENGTH;1;2;2;2",
                    "SOCIAL_NETWORK=3/4/NETWORK,INSTRUMENTAL_ADL=3/3/NETWORK,TIME_USE=3/3/NETWORK,PHYSICAL_HEALTH=3/3/OWN_STRENGTH;2;3;3;3"),
            new Story("999974051", "regisseur",
                    "DOMESTIC_RELATIONS=2/1/PROFESSIONAL,MENTAL_HEALTH=2/2/PROFESSIONAL,SOCIAL_NETWORK=3/3/NETWORK,FINANCES=3/3/OWN_STRENGTH;3;2;3;2",
                    "DOMESTIC_RELATIONS=3/3/PROFESSIONAL,MENTAL_HEALTH=3/3/PROFESSIONAL,SOCIAL_NETWORK=4/4/NETWORK,FINANCES=3/4/OWN_STRENGTH;3;3;3;3"),
            new Story("999990214", "regisseur.zuid",
                    "WORK_EDUCATION=2/2/PROFESSIONAL,MENTAL_HEALTH=2/3/PROFESSIONAL,DOMESTIC_RELATIONS=3/3/NETWORK,SOCIAL_PARTICIPATION=3/2/OWN_STRENGTH;3;3;4;2",
                    "WORK_EDUCATION=3/4/PROFESSIONAL,MENTAL_HEALTH=3/3/PROFESSIONAL,DOMESTIC_RELATIONS=4/4/NETWORK,SOCIAL_PARTICIPATION=3/3/OWN_STRENGTH;3;4;4;3"),
            new Story("999986739", "regisseur",
                    "HOUSING=1/2/PROFESSIONAL,PHYSICAL_HEALTH=2/3/PROFESSIONAL,DOMESTIC_RELATIONS=2/3/NETWORK,BASIC_ADL=2/3/NETWORK;2;2;1;1",
                    "HOUSING=3/3/NETWORK,PHYSICAL_HEALTH=3/3/PROFESSIONAL,DOMESTIC_RELATIONS=3/4/NETWORK,BASIC_ADL=3/4/NETWORK;2;3;3;3"));

    @Override
    public void start() {
        running = true;
        if (environment.acceptsProfiles(Profiles.of("prod")) || !admin.userExists("regisseur")) {
            return;
        }
        Map<String, CurrentUser> directors = new LinkedHashMap<>();
        for (UserAccount u : admin.users(MUNICIPALITY)) {
            directors.put(u.username(), new CurrentUser(u.id(), u.username(), u.displayName(), MUNICIPALITY, u.teamId(), u.roles()));
        }
        LocalDate today = LocalDate.now(clock);
        for (Story s : STORIES) {
            String bsn = s.headBsn();
            Optional<UUID> household = residents.personByBsn(MUNICIPALITY, bsn).flatMap(p -> residents.householdsOf(MUNICIPALITY, p).stream().findFirst());
            CurrentUser director = directors.get(s.director());
            if (household.isEmpty() || director == null || !repository.ofHousehold(MUNICIPALITY, household.get()).isEmpty()) {
                continue;
            }
            tx.executeWithoutResult(t -> {
                assessments.record(director, household.get(), input(s.first(), today.minusDays(90)));
                assessments.record(director, household.get(), input(s.second(), today.minusDays(14)));
            });
        }
    }

    static AssessmentService.AssessmentInput input(String spec, LocalDate on) {
        Map<String, String> f = new LinkedHashMap<>();
        String[] parts = spec.split(";");
        for (String score : parts[0].split(",")) {
            String[] kv = score.split("=");
            String[] v = kv[1].split("/");
            f.put("pro_" + kv[0], v[0]);
            f.put("res_" + kv[0], v[1]);
            f.put("basis_" + kv[0], v[2]);
        }
        f.put("participationStep", parts[1]);
        f.put("calm", parts[2]);
        f.put("cleanliness", parts[3]);
        f.put("routine", parts[4]);
        f.put("assessedOn", on.toString());
        return new AssessmentService.AssessmentInput(f);
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return 1;
    }
}

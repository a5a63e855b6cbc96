package nl.leefwereld.shared;

import java.io.IOException;
import java.sql.SQLException;

/**
 * One module's part of a synthetic municipality (the {@code generate} command). Each module that owns tables
 * implements it in its own {@code internal} package and writes its tables with {@link GenerationContext#copy}. On one
 * session the generator runs all parts in {@link #order()} within one transaction (all or nothing); with more sessions
 * (the command's default) each part is a transaction of its own and a part starts once the parts it {@link #requires()
 * requires} are committed, beside other parts and the index builds of finished tables. A run stopped halfway is then
 * refused until the database is emptied (see {@code synthetic_run.rows_committed_at}).
 *
 * <p>A part must be deterministic: the same {@link GenerationContext#seed()} and reference date give byte-identical
 * rows. Use {@link GenerationContext#random(String)} (its own stream per part, so a new part does not shift the
 * others), {@link GenerationContext#uuid(String, long)} for ids and {@link GenerationContext#referenceDate()} for
 * dates; never {@code UUID.randomUUID()} or the wall clock.
 *
 * <p>Parts pass facts to later parts with {@link GenerationContext#publish} / {@link GenerationContext#fact}. The
 * facts of the current parts (arrays are indexed by household number {@code 0..households-1} unless said otherwise):
 * <ul>
 *   <li>identity (order 10): {@code districts} String[] codes; {@code district.weight} double[] (shares, sum 1); {@code district.team} int[] team index per district;
 *       {@code team.ids} UUID[]; {@code team.names} String[]; {@code user.ids}, {@code user.usernames}, {@code user.names} (indexed by user
 *       number); {@code team.directors} and {@code team.members} int[][] user numbers per team.</li>
 *   <li>household (order 20): {@code household.district} int[]; {@code household.firstPerson} int[] (length
 *       households + 1; the members of household h are persons firstPerson[h] .. firstPerson[h+1]-1, the head first;
 *       person ids are {@code uuid("person", p)}, household ids {@code uuid("household", h)});
 *       {@code household.known} boolean[] (known to the social domain); {@code household.since} long[] (epoch second
 *       of the first contact for known households).</li>
 *   <li>person (order 22): the persons; {@code person.relation} byte[] (by person number: 0 head, 1 partner, 2 child,
 *       3 parent, 4 other).</li>
 *   <li>members (order 25): household memberships and networks; publishes nothing.</li>
 *   <li>intake (order 30): {@code case.director} int[] and {@code case.registrar} int[] (user numbers, -1 for none);
 *       {@code household.firstNotification} int[] (length households + 1; notification ids are
 *       {@code uuid("notification", n)}); {@code notification.registeredAt} long[] epoch seconds per notification.</li>
 *   <li>privacy (order 40): audit history and consents; publishes nothing.</li>
 *   <li>catalog (order 50): by custom-provision number: {@code provision.ids} UUID[], {@code provision.law} byte[] (0 Jeugdwet,
 *       1 Participatiewet, 2 Wmo), {@code provision.names}, {@code provision.category}, {@code provision.unit} and
 *       {@code provision.frequency} String[] (iWmo codes), {@code provision.tariffCents} long[], {@code provision.provider}
 *       UUID[], {@code provision.weight} double[], {@code provision.cost} byte[] (how the extent is set); {@code
 *       provision.validFrom} LocalDate.</li>
 *   <li>wmo (order 60): {@code person.age} int[] (age in years at the reference date, by person number); {@code
 *       household.laws} byte[] (bit 1 Jeugdwet, 2 Participatiewet, 4 Wmo); {@code household.spendingCents} long[] (tariff ×
 *       volume × periods of the household's decision lines); {@code household.requests} int[].</li>
 *   <li>plan (order 70): {@code plan.day} int[] (epoch day, -1 no plan; plan id {@code uuid("plan", h)}); {@code
 *       plan.firstGoal} UUID[], {@code plan.firstGoalLabel} String[]; {@code plan.meetingDay} int[] (-1 none; meeting id
 *       {@code uuid("meeting", h)}), {@code plan.meetingVersion} int[], {@code plan.meetingFallback} and {@code
 *       plan.meetingLowerBound} String[]; {@code plan.meetingAgreements} int[] (length households + 1, offsets into {@code
 *       plan.agreement.kind}, {@code .who}, {@code .what} String[] and {@code .due}, {@code .check} int[] epoch days).</li>
 *   <li>outcome (order 75), meeting (order 80), budget (order 85), returns (order 90): publish nothing.</li>
 * </ul>
 */
public interface SyntheticPart {

    /** Short name, also the name of this part's random stream. */
    String name();

    /** Parts run from low to high; leave gaps (identity 10, household 20, intake 30, privacy 40, later modules 50+). */
    int order();

    /**
     * The names of the parts this one needs done first: the parts whose facts it reads ({@link GenerationContext#fact})
     * and whose rows it reads or refers to. Each must come earlier in {@link #order()}. A part reads the facts of the
     * parts it requires directly or through them, and no others.
     */
    java.util.List<String> requires();

    /**
     * The tables this part writes. The generator drops their secondary indexes before the load and builds them again
     * afterwards (one sorted build is far cheaper than millions of single inserts into each index).
     */
    java.util.List<String> tables();

    /** Writes this part's rows (COPY through {@link GenerationContext#copy}). */
    void write(GenerationContext ctx) throws SQLException, IOException;
}

package nl.leefwereld.household.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import nl.leefwereld.household.Person;
import nl.leefwereld.household.Relation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** person_history and membership_history: append-only (triggers refuse UPDATE and DELETE), and the current rows they end. */
@Repository
class PersonHistoryRepository {

    private final JdbcClient jdbc;

    PersonHistoryRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record PersonHistoryRow(UUID personId, String kind, OffsetDateTime validFrom, OffsetDateTime validTo, LocalDate effectiveOn,
                            String firstName, String lastName, LocalDate birthDate, String bsn, String street, String houseNumber,
                            String postalCode, String city, String districtCode, String phone, String email, String changedFields,
                            String reason, String changedByName) {
    }

    record MembershipHistoryRow(UUID householdId, UUID personId, String relation, LocalDate validFrom, LocalDate validTo, String reason,
                                UUID destination, OffsetDateTime recordedAt, String recordedByName, String firstName, String lastName,
                                String householdAddress) {
    }

    /** Locks the person row until the transaction ends: two changes to one person run one after the other. */
    Optional<OffsetDateTime> lockPerson(String m, UUID personId) {
        return jdbc.sql("SELECT coalesce(valid_from, created_at) FROM person WHERE municipality_code = :m AND id = :id FOR UPDATE")
                .param("m", m).param("id", personId).query(OffsetDateTime.class).optional();
    }

    /** Copies the person's current values into history, ending them at now. */
    void keep(String m, UUID personId, String kind, OffsetDateTime now, LocalDate effectiveOn, String changedFields, String reason,
              UUID by, String byName) {
        jdbc.sql("""
                INSERT INTO person_history (municipality_code, person_id, kind, valid_from, valid_to, effective_on, first_name, last_name,
                                            birth_date, bsn, street, house_number, postal_code, city, district_code, phone, email,
                                            changed_fields, reason, changed_by, changed_by_name)
                SELECT municipality_code, id, :kind, coalesce(valid_from, created_at), :now, :effective, first_name, last_name, birth_date,
                       bsn, street, house_number, postal_code, city, district_code, phone, email, :fields, :reason, :by, :byName
                  FROM person WHERE municipality_code = :m AND id = :id
                """).param("kind", kind).param("now", now).param("effective", effectiveOn).param("fields", changedFields)
                .param("reason", reason).param("by", by).param("byName", byName).param("m", m).param("id", personId).update();
    }

    void updateAddress(String m, UUID personId, String street, String number, String postalCode, String city, String district,
                       OffsetDateTime now) {
        jdbc.sql("""
                UPDATE person SET street = :street, house_number = :number, postal_code = :pc, city = :city, district_code = :district,
                                  valid_from = :now
                 WHERE municipality_code = :m AND id = :id
                """).param("street", street).param("number", number).param("pc", postalCode).param("city", city)
                .param("district", district).param("now", now).param("m", m).param("id", personId).update();
    }

    void updatePerson(String m, Person p, OffsetDateTime now) {
        jdbc.sql("""
                UPDATE person SET first_name = :first, last_name = :last, birth_date = :birth, bsn = :bsn, phone = :phone, email = :email,
                                  valid_from = :now
                 WHERE municipality_code = :m AND id = :id
                """).param("first", p.firstName()).param("last", p.lastName()).param("birth", p.birthDate())
                .param("bsn", p.bsn() == null ? null : p.bsn().value()).param("phone", p.phone()).param("email", p.email())
                .param("now", now).param("m", m).param("id", p.id()).update();
    }

    void updateHouseholdAddress(String m, UUID householdId, String street, String number, String postalCode, String city, String district) {
        jdbc.sql("""
                UPDATE household SET street = :street, house_number = :number, postal_code = :pc, city = :city, district_code = :district
                 WHERE municipality_code = :m AND id = :id
                """).param("street", street).param("number", number).param("pc", postalCode).param("city", city)
                .param("district", district).param("m", m).param("id", householdId).update();
    }

    /** The membership as it is; empty when the person is not (or no longer) a member. */
    Optional<Relation> relation(String m, UUID householdId, UUID personId) {
        return jdbc.sql("SELECT relation FROM household_member WHERE municipality_code = :m AND household_id = :h AND person_id = :p")
                .param("m", m).param("h", householdId).param("p", personId).query(String.class).optional().map(Relation::valueOf);
    }

    Optional<LocalDate> memberSince(String m, UUID householdId, UUID personId) {
        return jdbc.sql("SELECT member_since FROM household_member WHERE municipality_code = :m AND household_id = :h AND person_id = :p")
                .param("m", m).param("h", householdId).param("p", personId).query((rs, i) -> rs.getObject(1, LocalDate.class))
                .optional().flatMap(Optional::ofNullable);
    }

    long memberCount(String m, UUID householdId) {
        return jdbc.sql("SELECT count(*) FROM household_member WHERE municipality_code = :m AND household_id = :h")
                .param("m", m).param("h", householdId).query(Long.class).single();
    }

    /** Ends the membership: a history row, then the current row goes. */
    void endMembership(String m, UUID householdId, UUID personId, Relation relation, LocalDate since, LocalDate leftOn, String reason,
                       UUID destination, OffsetDateTime now, UUID by, String byName) {
        jdbc.sql("""
                INSERT INTO membership_history (municipality_code, household_id, person_id, relation, valid_from, valid_to, reason,
                                                destination, recorded_at, recorded_by, recorded_by_name)
                VALUES (:m, :h, :p, :relation, :since, :left, :reason, :dest, :now, :by, :byName)
                """).param("m", m).param("h", householdId).param("p", personId).param("relation", relation.name()).param("since", since)
                .param("left", leftOn).param("reason", reason).param("dest", destination).param("now", now).param("by", by)
                .param("byName", byName).update();
        jdbc.sql("DELETE FROM household_member WHERE municipality_code = :m AND household_id = :h AND person_id = :p")
                .param("m", m).param("h", householdId).param("p", personId).update();
    }

    void insertMember(String m, UUID householdId, UUID personId, Relation relation, LocalDate since) {
        jdbc.sql("""
                INSERT INTO household_member (municipality_code, household_id, person_id, relation, member_since)
                VALUES (:m, :h, :p, :r, :since)
                """).param("m", m).param("h", householdId).param("p", personId).param("r", relation.name()).param("since", since).update();
    }

    List<PersonHistoryRow> personHistory(String m, java.util.Collection<UUID> personIds) {
        if (personIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                SELECT person_id, kind, valid_from, valid_to, effective_on, first_name, last_name, birth_date, bsn, street, house_number,
                       postal_code, city, district_code, phone, email, changed_fields, reason, changed_by_name
                  FROM person_history WHERE municipality_code = :m AND person_id = ANY(:ids) ORDER BY valid_to DESC, id DESC
                """).param("m", m).param("ids", personIds.toArray(new UUID[0])).query(PersonHistoryRow.class).list();
    }

    /** Departures from this household, and (with personId) all departures of that person. */
    List<MembershipHistoryRow> departures(String m, UUID householdId, UUID personId) {
        return jdbc.sql("""
                SELECT mh.household_id, mh.person_id, mh.relation, mh.valid_from, mh.valid_to, mh.reason, mh.destination, mh.recorded_at,
                       mh.recorded_by_name, p.first_name, p.last_name,
                       h.street || ' ' || h.house_number || ', ' || h.postal_code || ' ' || h.city AS household_address
                  FROM membership_history mh
                  JOIN person p ON p.municipality_code = mh.municipality_code AND p.id = mh.person_id
                  JOIN household h ON h.municipality_code = mh.municipality_code AND h.id = mh.household_id
                 WHERE mh.municipality_code = :m AND (mh.household_id = :h OR mh.person_id = :p)
                 ORDER BY mh.recorded_at DESC, mh.id DESC
                """).param("m", m).param("h", householdId).param("p", personId).query(MembershipHistoryRow.class).list();
    }
}

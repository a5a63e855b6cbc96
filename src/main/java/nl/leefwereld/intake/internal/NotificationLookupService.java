package nl.leefwereld.intake.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import nl.leefwereld.intake.NotificationLookup;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

@Service
class NotificationLookupService implements NotificationLookup {

    private static final String SELECT = """
            SELECT n.id, n.case_id, c.household_id, c.team_id, n.received_on, n.question_as_asked, n.own_strength, n.network_summary
            FROM notification n JOIN care_case c ON c.municipality_code = n.municipality_code AND c.id = n.case_id
            """;

    private final JdbcClient jdbc;

    NotificationLookupService(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<NotificationFacts> find(String m, UUID id) {
        return jdbc.sql(SELECT + " WHERE n.municipality_code = ? AND n.id = ?").params(m, id).query(NotificationLookupService::row).optional();
    }

    @Override
    public List<NotificationFacts> ofHousehold(String m, UUID householdId) {
        return jdbc.sql(SELECT + " WHERE n.municipality_code = ? AND c.household_id = ? ORDER BY n.received_on DESC").params(m, householdId)
                .query(NotificationLookupService::row).list();
    }

    private static NotificationFacts row(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        return new NotificationFacts(rs.getObject("id", UUID.class), rs.getObject("case_id", UUID.class), rs.getObject("household_id", UUID.class),
                rs.getObject("team_id", UUID.class), rs.getObject("received_on", LocalDate.class), rs.getString("question_as_asked"),
                rs.getString("own_strength"), rs.getString("network_summary"));
    }
}

package nl.leefwereld.household.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import nl.leefwereld.identity.DistrictOccupancy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Counts only, no personal data: for the administrator's warning before a district changes team. */
@Component
class HouseholdsPerDistrict implements DistrictOccupancy {

    private final JdbcClient jdbc;

    HouseholdsPerDistrict(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<String, Long> householdsPerDistrict(String m) {
        Map<String, Long> out = new LinkedHashMap<>();
        jdbc.sql("SELECT district_code, count(*) AS n FROM household WHERE municipality_code = :m GROUP BY district_code")
                .param("m", m).query((rs, i) -> out.put(rs.getString("district_code"), rs.getLong("n"))).list();
        return out;
    }
}

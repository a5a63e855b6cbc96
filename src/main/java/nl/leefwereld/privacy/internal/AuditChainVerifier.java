package nl.leefwereld.privacy.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import nl.leefwereld.privacy.AuditChain;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Service;

/** Walks the chain in order and recomputes every row's hash in the database (the same function the insert trigger uses). */
@Service
class AuditChainVerifier implements AuditChain {

    private static final String GENESIS = "0".repeat(64);

    private final AuditWriter writer;

    AuditChainVerifier(AuditWriter writer) {
        this.writer = writer;
    }

    @Override
    public Verification verify(String municipalityCode) {
        Walk walk = new Walk();
        writer.jdbc().sql("""
                        SELECT e.municipality_code, e.id, e.chain_seq, e.prev_hash, e.row_hash, audit_row_hash(e.prev_hash, e) AS recomputed
                          FROM audit_event e
                         WHERE CAST(:m AS text) IS NULL OR e.municipality_code = :m
                         ORDER BY e.municipality_code, e.chain_seq
                        """)
                .param("m", municipalityCode)
                .query(walk);
        return walk.result();
    }

    /** Reads the rows one by one (the trail can be large) and stops looking at the first break. */
    private static final class Walk implements RowCallbackHandler {
        long checked;
        String municipality;
        long expectedSeq;
        String prev;
        String lastHash;
        Verification broken;

        @Override
        public void processRow(ResultSet rs) throws SQLException {
            if (broken != null) {
                return;
            }
            checked++;
            String m = rs.getString("municipality_code");
            if (!m.equals(municipality)) {
                municipality = m;
                expectedSeq = 1;
                prev = GENESIS;
            }
            long seq = rs.getLong("chain_seq");
            long id = rs.getLong("id");
            String problem = null;
            if (seq != expectedSeq) {
                problem = seq > expectedSeq ? "Er ontbreken regels vóór deze regel (volgnummer " + expectedSeq + " verwacht, " + seq + " gevonden)."
                        : "Het volgnummer komt dubbel voor.";
            } else if (!prev.equals(rs.getString("prev_hash"))) {
                problem = "De regel verwijst niet naar de regel ervoor: er is een regel verwijderd, ingevoegd of gewijzigd.";
            } else if (!rs.getString("row_hash").equals(rs.getString("recomputed"))) {
                problem = "De inhoud van de regel past niet bij de hash: de regel is gewijzigd.";
            }
            if (problem != null) {
                broken = new Verification(checked, false, m, seq, id, problem, lastHash);
                return;
            }
            prev = rs.getString("row_hash");
            lastHash = prev;
            expectedSeq++;
        }

        Verification result() {
            return broken != null ? broken : new Verification(checked, true, null, null, null, null, lastHash);
        }
    }
}

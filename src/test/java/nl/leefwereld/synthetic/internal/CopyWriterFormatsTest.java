package nl.leefwereld.synthetic.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import nl.leefwereld.shared.CopyWriter;
import nl.leefwereld.shared.GenerationContext;
import nl.leefwereld.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The generator's COPY writer: the binary format stores exactly what the text format stores, for every type it encodes
 * and for the awkward values (NULLs, escapes, non-ASCII, dates and times before 2000, limits); it falls back to text for
 * other column types, and a value that does not fit its column fails with the column's name instead of being stored
 * wrongly. Temporary tables on the test server's owner connection.
 */
@IntegrationTest
class CopyWriterFormatsTest {

    static final String COLUMNS = "(v varchar(40), c char(4), t text, j jsonb, u uuid, s smallint, i integer, b bigint, f boolean, d date, "
            + "tz timestamptz, ts timestamp)";
    static final String[] NAMES = {"v", "c", "t", "j", "u", "s", "i", "b", "f", "d", "tz", "ts"};

    @Autowired
    EmbeddedPostgres postgres;

    @Test
    void theBinaryFormatStoresWhatTheTextFormatStores() throws Exception {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TEMP TABLE probe_text " + COLUMNS);
            s.execute("CREATE TEMP TABLE probe_binary " + COLUMNS);
            try (CopyWriter w = context(c, CopyWriter.Format.TEXT).copy("probe_text", NAMES)) {
                assertThat(w.format()).isEqualTo(CopyWriter.Format.TEXT);
                writeRows(w);
            }
            try (CopyWriter w = context(c, CopyWriter.Format.BINARY).copy("probe_binary", NAMES)) {
                assertThat(w.format()).isEqualTo(CopyWriter.Format.BINARY);
                writeRows(w);
            }
            List<String> text = rows(s, "probe_text");
            assertThat(text).hasSize(4);
            assertThat(rows(s, "probe_binary")).isEqualTo(text);
            assertThat(text).anySatisfy(r -> assertThat(r).contains("Zoë").contains("1999-12-31 23:59:59").contains("1969-07-20"));
        }
    }

    @Test
    void everyByteOfTheStreamIsCountedAndAValueLargerThanTheBufferArrivesWhole() throws Exception {
        String large = "é".repeat(100_000); // 200,000 bytes: more than the writer's buffer
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TEMP TABLE probe_stream_text (t text)");
            s.execute("CREATE TEMP TABLE probe_stream_binary (t text)");
            for (CopyWriter.Format format : CopyWriter.Format.values()) {
                String table = format == CopyWriter.Format.TEXT ? "probe_stream_text" : "probe_stream_binary";
                long expected;
                try (CopyWriter w = context(c, format).copy(table, "t")) {
                    w.text(large).endRow();
                    for (int i = 0; i < 20_000; i++) {
                        w.text("rij " + i).endRow();
                    }
                    long shortBytes = 0;
                    for (int i = 0; i < 20_000; i++) {
                        shortBytes += ("rij " + i).length();
                    }
                    // text: a newline per row; binary: header, field count and length per row (the trailer comes at close)
                    expected = format == CopyWriter.Format.TEXT ? 200_000 + 1 + shortBytes + 20_000
                            : 19 + (2 + 4 + 200_000) + shortBytes + 20_000L * (2 + 4);
                    assertThat(w.bytes()).as(format + " before close").isEqualTo(expected);
                }
                try (ResultSet rs = s.executeQuery("SELECT count(*), max(octet_length(t)), count(*) FILTER (WHERE t = '" + large + "') FROM "
                        + table)) {
                    rs.next();
                    assertThat(rs.getLong(1)).as(format.name()).isEqualTo(20_001);
                    assertThat(rs.getLong(2)).isEqualTo(200_000);
                    assertThat(rs.getLong(3)).isEqualTo(1);
                }
            }
        }
    }

    @Test
    void textIsConvertedForTypedColumnsInTheBinaryFormat() throws Exception {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TEMP TABLE probe_convert (u uuid, i integer, f boolean, d date, v varchar(10))");
            UUID id = UUID.fromString("0190a1b2-c3d4-8e5f-9a6b-7c8d9e0f1a2b");
            try (CopyWriter w = context(c, CopyWriter.Format.BINARY).copy("probe_convert", "u", "i", "f", "d", "v")) {
                w.text(id.toString()).text("42").text("true").text("2026-03-02").number(7).endRow();
                w.text(null).text(null).text("f").date(LocalDate.of(2026, 3, 2)).bool(true).endRow();
            }
            assertThat(rows(s, "probe_convert")).containsExactlyInAnyOrder("(,,f,2026-03-02,t)", "(" + id + ",42,t,2026-03-02,7)");
        }
    }

    @Test
    void aTableWithOtherColumnTypesIsWrittenAsText() throws Exception {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TEMP TABLE probe_numeric (amount numeric(12,2), v varchar(10))");
            try (CopyWriter w = context(c, CopyWriter.Format.BINARY).copy("probe_numeric", "amount", "v")) {
                assertThat(w.format()).isEqualTo(CopyWriter.Format.TEXT);
                w.text("12.50").text("a\tb").endRow();
            }
            assertThat(rows(s, "probe_numeric")).containsExactly("(12.50,\"a\tb\")");
        }
    }

    @Test
    void aValueThatDoesNotFitItsColumnFailsWithTheColumnsName() throws Exception {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TEMP TABLE probe_wrong (tz timestamptz, i integer, u uuid)");
            GenerationContext ctx = context(c, CopyWriter.Format.BINARY);
            assertFails(ctx, w -> w.date(LocalDate.of(2026, 1, 1)), "column tz is timestamptz");
            assertFails(ctx, w -> w.timestamp(0).number(1L << 40), "out of range for column i");
            assertFails(ctx, w -> w.timestamp(0).text("veertig"), "column i (int4) cannot take 'veertig'");
            assertFails(ctx, w -> w.timestamp(0).number(1).text("geen-uuid"), "column u (uuid)");
            assertFails(ctx, w -> w.timestamp(0).number(1).endRow(), "row 1 has 2 values for 3 columns");
            GenerationContext textCtx = context(c, CopyWriter.Format.TEXT);
            assertFails(textCtx, w -> w.nul().nul().nul().nul(), "more values than the 3 columns");
        }
    }

    interface Writes {
        void on(CopyWriter w) throws SQLException;
    }

    private static void assertFails(GenerationContext ctx, Writes writes, String message) throws SQLException {
        ctx.connection().setAutoCommit(false);
        try {
            assertThatThrownBy(() -> {
                try (CopyWriter w = ctx.copy("probe_wrong", "tz", "i", "u")) {
                    writes.on(w);
                }
            }).hasMessageContaining(message);
        } finally {
            ctx.connection().rollback();
            ctx.connection().setAutoCommit(true);
        }
    }

    private static void writeRows(CopyWriter w) throws SQLException {
        UUID id = UUID.fromString("0190a1b2-c3d4-8e5f-9a6b-7c8d9e0f1a2b");
        w.text("Zoë de Vries-Ünal").text("ab").text("tab\there\nnew line \\ backslash ☕ 𝄞").text("{\"a\": [1, \"ë\"]}").uuid(id)
                .number(Short.MIN_VALUE).number(Integer.MAX_VALUE).number(Long.MIN_VALUE).bool(true).date(LocalDate.of(1969, 7, 20))
                .timestamp(946_684_799L).timestamp(946_684_799L).endRow();
        w.nul().nul().nul().nul().uuid(null).nul().nul().nul().nul().date(null).nul().nul().endRow();
        w.text("").text("abcd").text("").text("null").uuid(new UUID(0, 0)).number(0).number(-1).number(Long.MAX_VALUE).bool(false)
                .date(LocalDate.of(2200, 12, 31)).timestamp(4_102_444_800L).timestamp(-86_400L * 365 * 30).endRow();
        w.text("2026").text("x").text("x".repeat(50_000)).text("{}").uuid(UUID.fromString("ffffffff-ffff-8fff-bfff-ffffffffffff"))
                .number(12).number(1_000_000).number(1L << 40).bool(true).date(LocalDate.of(2000, 1, 1)).timestamp(1_772_442_000L)
                .timestamp(1_772_442_000L).endRow();
    }

    private static List<String> rows(Statement s, String table) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (ResultSet rs = s.executeQuery("SELECT x::text FROM " + table + " x ORDER BY x::text")) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }

    private static GenerationContext context(Connection c, CopyWriter.Format format) throws SQLException {
        return new GenerationContext(c, "0001", "Gemeente 0001", "Synthstad", 1_000, 1, LocalDate.of(2026, 3, 2), null, null, format);
    }
}

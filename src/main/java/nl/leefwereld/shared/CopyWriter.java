package nl.leefwereld.shared;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;

/**
 * Streams rows into one table with PostgreSQL's COPY through the driver's {@link CopyManager}. Values are written field
 * by field, in the order of the columns given, and each row ends with {@link #endRow()}; {@link #close()} ends the COPY.
 * Not thread-safe.
 *
 * <p>Two wire formats, the same rows either way. When every column has a type this writer can encode itself (text,
 * varchar, char, json(b), uuid, smallint, integer, bigint, boolean, date, timestamp(tz)), it uses the <em>binary</em>
 * format: PostgreSQL then only copies bytes instead of parsing the text of every uuid, date and timestamp, which is
 * most of its work in a bulk load. A table with any other column type (numeric, arrays, ...) is written in the text
 * format. In the binary format a value must fit its column's type: {@link #text} is converted for uuid, integer,
 * boolean and date columns (as PostgreSQL's text input would), and a method that has no exact meaning for the column's
 * type (a {@link #date} into a timestamp column: midnight in which zone?) fails at once with the column's name.
 */
public final class CopyWriter implements AutoCloseable {

    /** The wire format of a COPY. */
    public enum Format { TEXT, BINARY }

    /** From this length on, text is encoded by {@link String#getBytes} and copied (shorter: character by character). */
    private static final int LONG_TEXT = 8;
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] BINARY_HEADER = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0, 0, 0, 0, 0, 0, 0, 0, 0};
    /** Seconds from 1970-01-01 to PostgreSQL's epoch, 2000-01-01 (UTC). */
    private static final long PG_EPOCH_SECOND = 946_684_800L;
    private static final long PG_EPOCH_DAY = 10_957L;

    /** The column types the binary format is written for, by type name (pg_type.typname). */
    private enum Type {
        TEXT, JSON, JSONB, UUID, INT2, INT4, INT8, BOOL, DATE, TIMESTAMPTZ, TIMESTAMP;

        static final Map<String, Type> BY_NAME = Map.ofEntries(Map.entry("text", TEXT), Map.entry("varchar", TEXT), Map.entry("bpchar", TEXT),
                Map.entry("json", JSON), Map.entry("jsonb", JSONB), Map.entry("uuid", UUID), Map.entry("int2", INT2), Map.entry("int4", INT4),
                Map.entry("int8", INT8), Map.entry("bool", BOOL), Map.entry("date", DATE), Map.entry("timestamptz", TIMESTAMPTZ),
                Map.entry("timestamp", TIMESTAMP));
    }

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(CopyWriter.class);

    private final CopyIn copy;
    private final long started = System.nanoTime();
    private final String table;
    private final String[] columns;
    /** The columns' types in the binary format; null in the text format. */
    private final Type[] types;
    private final byte[] buffer = new byte[1 << 17];
    private int length;
    private int field;
    private long rows;
    /** Bytes handed to the driver so far (the buffer's content not yet included). */
    private long sent;

    /** A COPY in the text format. */
    CopyWriter(CopyManager manager, String table, String... columns) throws SQLException {
        this(manager, table, columns, null);
    }

    /**
     * A COPY in the {@code preferred} format: binary only when every column's type (looked up on {@code connection}) is one
     * this writer encodes; otherwise text.
     */
    CopyWriter(CopyManager manager, Connection connection, Format preferred, String table, String... columns) throws SQLException {
        this(manager, table, columns, preferred == Format.BINARY ? binaryTypes(connection, table, columns) : null);
    }

    private CopyWriter(CopyManager manager, String table, String[] columns, Type[] types) throws SQLException {
        this.table = table;
        this.columns = columns.clone();
        this.types = types;
        this.copy = manager.copyIn("COPY " + table + " (" + String.join(", ", columns) + ") FROM STDIN"
                + (types != null ? " (FORMAT binary)" : ""));
        if (types != null) {
            for (byte b : BINARY_HEADER) {
                rawByte(b);
            }
        }
    }

    /** The format this COPY is written in. */
    public Format format() {
        return types != null ? Format.BINARY : Format.TEXT;
    }

    /** Text; null writes NULL. Into a uuid, integer, boolean or date column (binary format) it is converted first. */
    public CopyWriter text(String value) throws SQLException {
        if (value == null) {
            return nul();
        }
        if (types != null) {
            Type type = next();
            switch (type) {
                case TEXT, JSON -> utf8Field(value, false);
                case JSONB -> utf8Field(value, true);
                case UUID -> uuidField(parse(type, value, () -> java.util.UUID.fromString(value.strip())));
                case INT2, INT4, INT8 -> intField(type, parse(type, value, () -> Long.parseLong(value.strip())));
                case BOOL -> boolField(parse(type, value, () -> bool(value)));
                case DATE -> dateField(parse(type, value, () -> LocalDate.parse(value.strip())));
                default -> throw mismatch("text", type);
            }
            return this;
        }
        separator();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> { raw('\\'); raw('\\'); }
                case '\t' -> { raw('\\'); raw('t'); }
                case '\n' -> { raw('\\'); raw('n'); }
                case '\r' -> { raw('\\'); raw('r'); }
                default -> {
                    if (c < 0x80) {
                        raw(c);
                    } else {
                        utf8(value, i, c);
                        if (Character.isHighSurrogate(c)) {
                            i++;
                        }
                    }
                }
            }
        }
        return this;
    }

    public CopyWriter nul() throws SQLException {
        if (types != null) {
            next();
            int32(-1);
            return this;
        }
        separator();
        raw('\\');
        raw('N');
        return this;
    }

    public CopyWriter uuid(UUID value) throws SQLException {
        if (value == null) {
            return nul();
        }
        if (types != null) {
            Type type = next();
            if (type == Type.UUID) {
                uuidField(value);
            } else if (type == Type.TEXT) {
                utf8Field(value.toString(), false);
            } else {
                throw mismatch("uuid", type);
            }
            return this;
        }
        separator();
        hex(value.getMostSignificantBits() >>> 32, 8);
        raw('-');
        hex(value.getMostSignificantBits() >>> 16, 4);
        raw('-');
        hex(value.getMostSignificantBits(), 4);
        raw('-');
        hex(value.getLeastSignificantBits() >>> 48, 4);
        raw('-');
        hex(value.getLeastSignificantBits(), 12);
        return this;
    }

    public CopyWriter number(long value) throws SQLException {
        if (types != null) {
            Type type = next();
            switch (type) {
                case INT2, INT4, INT8 -> intField(type, value);
                case TEXT -> utf8Field(Long.toString(value), false);
                default -> throw mismatch("number", type);
            }
            return this;
        }
        separator();
        ascii(Long.toString(value));
        return this;
    }

    public CopyWriter bool(boolean value) throws SQLException {
        if (types != null) {
            Type type = next();
            switch (type) {
                case BOOL -> boolField(value);
                case TEXT -> utf8Field(value ? "t" : "f", false);
                default -> throw mismatch("bool", type);
            }
            return this;
        }
        separator();
        raw(value ? 't' : 'f');
        return this;
    }

    public CopyWriter date(LocalDate value) throws SQLException {
        if (value == null) {
            return nul();
        }
        if (types != null) {
            Type type = next();
            switch (type) {
                case DATE -> dateField(value);
                case TEXT -> utf8Field(value.toString(), false);
                default -> throw mismatch("date", type);
            }
            return this;
        }
        separator();
        ascii(value.toString());
        return this;
    }

    /** A point in time as epoch seconds, written in UTC. */
    public CopyWriter timestamp(long epochSecond) throws SQLException {
        if (types != null) {
            Type type = next();
            switch (type) {
                // timestamptz: the instant; timestamp (without time zone): its UTC wall time, as the text format stores it.
                case TIMESTAMPTZ, TIMESTAMP -> {
                    int32(8);
                    int64((epochSecond - PG_EPOCH_SECOND) * 1_000_000L);
                }
                case TEXT -> utf8Field(GenerationContext.utcText(epochSecond) + "+00", false);
                default -> throw mismatch("timestamp", type);
            }
            return this;
        }
        separator();
        ascii(GenerationContext.utcText(epochSecond));
        raw('+');
        raw('0');
        raw('0');
        return this;
    }

    /** Ends the row; fails when it does not have exactly one value per column. */
    public void endRow() throws SQLException {
        if (field != columns.length) {
            throw new IllegalStateException("COPY " + table + ": row " + (rows + 1) + " has " + field + " values for " + columns.length + " columns");
        }
        if (types == null) {
            raw('\n');
        }
        field = 0;
        rows++;
    }

    public long rows() {
        return rows;
    }

    /** The bytes of the COPY stream written so far (the binary format's header and trailer included). */
    public long bytes() {
        return sent + length;
    }

    @Override
    public void close() throws SQLException {
        if (types != null) {
            int16(-1);
        }
        flush();
        copy.endCopy();
        if (log.isDebugEnabled()) {
            log.debug("COPY {} ({}): {} rows, {} MB in {} ms", table, format(), rows, String.format(Locale.ROOT, "%.1f", bytes() / 1e6),
                    (System.nanoTime() - started) / 1_000_000);
        }
    }

    // ---- binary format

    /** The types of the columns when all are encodable; null otherwise (then the text format is used). */
    private static Type[] binaryTypes(Connection connection, String table, String[] columns) throws SQLException {
        Map<String, Type> byColumn = new HashMap<>();
        try (PreparedStatement s = connection.prepareStatement("""
                SELECT a.attname, t.typname FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid
                 WHERE a.attrelid = to_regclass(?) AND a.attnum > 0 AND NOT a.attisdropped AND t.typtype = 'b'""")) {
            s.setString(1, table);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    Type type = Type.BY_NAME.get(rs.getString(2));
                    if (type != null) {
                        byColumn.put(rs.getString(1), type);
                    }
                }
            }
        }
        Type[] types = new Type[columns.length];
        for (int i = 0; i < columns.length; i++) {
            String name = columns[i].strip();
            name = name.startsWith("\"") && name.endsWith("\"") && name.length() > 1 ? name.substring(1, name.length() - 1)
                    : name.toLowerCase(Locale.ROOT);
            types[i] = byColumn.get(name);
            if (types[i] == null) {
                return null;
            }
        }
        return types;
    }

    /** Starts the next field of the row: the field count first for a new row. */
    private Type next() throws SQLException {
        if (field >= columns.length) {
            throw new IllegalStateException("COPY " + table + ": more values than the " + columns.length + " columns");
        }
        if (field == 0) {
            int16(columns.length);
        }
        return types[field++];
    }

    private IllegalStateException mismatch(String method, Type type) {
        return new IllegalStateException("COPY " + table + ": column " + columns[field - 1] + " is " + type.name().toLowerCase(Locale.ROOT)
                + "; CopyWriter." + method + "() has no exact meaning for it");
    }

    private <T> T parse(Type type, String value, java.util.concurrent.Callable<T> parser) {
        try {
            return parser.call();
        } catch (Exception e) {
            throw new IllegalStateException("COPY " + table + ": column " + columns[field - 1] + " (" + type.name().toLowerCase(Locale.ROOT)
                    + ") cannot take '" + value + "'", e);
        }
    }

    private static boolean bool(String value) {
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "t", "true", "y", "yes", "on", "1" -> true;
            case "f", "false", "n", "no", "off", "0" -> false;
            default -> throw new IllegalArgumentException("not a boolean");
        };
    }

    private void utf8Field(String value, boolean jsonbVersion) throws SQLException {
        int worst = 4 + (jsonbVersion ? 1 : 0) + 3 * value.length();
        if (worst > buffer.length) {
            largeUtf8Field(value, jsonbVersion);
            return;
        }
        if (value.length() >= LONG_TEXT) {
            // The JDK's encoder (vectorised) beats a loop over the characters for anything but short text.
            byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
            if (buffer.length - length < bytes.length + 5) {
                flush();
            }
            int32(bytes.length + (jsonbVersion ? 1 : 0));
            if (jsonbVersion) {
                buffer[length++] = 1;
            }
            System.arraycopy(bytes, 0, buffer, length, bytes.length);
            length += bytes.length;
            return;
        }
        if (buffer.length - length < worst) {
            flush();
        }
        int at = length;
        length += 4;
        if (jsonbVersion) {
            buffer[length++] = 1;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x80) {
                buffer[length++] = (byte) c;
            } else {
                utf8(value, i, c);
                if (Character.isHighSurrogate(c)) {
                    i++;
                }
            }
        }
        int n = length - at - 4;
        buffer[at] = (byte) (n >>> 24);
        buffer[at + 1] = (byte) (n >>> 16);
        buffer[at + 2] = (byte) (n >>> 8);
        buffer[at + 3] = (byte) n;
    }

    /** A value that may not fit the buffer: written past it, straight to the driver (rare: kept out of the common path). */
    private void largeUtf8Field(String value, boolean jsonbVersion) throws SQLException {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        int32(bytes.length + (jsonbVersion ? 1 : 0));
        if (jsonbVersion) {
            rawByte(1);
        }
        flush();
        copy.writeToCopy(bytes, 0, bytes.length);
        sent += bytes.length;
    }

    private void uuidField(UUID value) throws SQLException {
        int32(16);
        int64(value.getMostSignificantBits());
        int64(value.getLeastSignificantBits());
    }

    private void intField(Type type, long value) throws SQLException {
        switch (type) {
            case INT2 -> {
                if (value != (short) value) {
                    throw outOfRange(type, value);
                }
                int32(2);
                int16((int) value);
            }
            case INT4 -> {
                if (value != (int) value) {
                    throw outOfRange(type, value);
                }
                int32(4);
                int32((int) value);
            }
            default -> {
                int32(8);
                int64(value);
            }
        }
    }

    private IllegalStateException outOfRange(Type type, long value) {
        return new IllegalStateException("COPY " + table + ": " + value + " is out of range for column " + columns[field - 1] + " ("
                + type.name().toLowerCase(Locale.ROOT) + ")");
    }

    private void boolField(boolean value) throws SQLException {
        int32(1);
        rawByte(value ? 1 : 0);
    }

    private void dateField(LocalDate value) throws SQLException {
        int32(4);
        int32((int) (value.toEpochDay() - PG_EPOCH_DAY));
    }

    private void int16(int v) throws SQLException {
        rawByte(v >>> 8);
        rawByte(v);
    }

    private void int32(int v) throws SQLException {
        if (buffer.length - length < 4) {
            flush();
        }
        buffer[length++] = (byte) (v >>> 24);
        buffer[length++] = (byte) (v >>> 16);
        buffer[length++] = (byte) (v >>> 8);
        buffer[length++] = (byte) v;
    }

    private void int64(long v) throws SQLException {
        if (buffer.length - length < 8) {
            flush();
        }
        for (int shift = 56; shift >= 0; shift -= 8) {
            buffer[length++] = (byte) (v >>> shift);
        }
    }

    // ---- text format

    private void separator() throws SQLException {
        if (field >= columns.length) {
            throw new IllegalStateException("COPY " + table + ": more values than the " + columns.length + " columns");
        }
        if (field > 0) {
            raw('\t');
        }
        field++;
    }

    private void hex(long value, int digits) throws SQLException {
        for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) {
            raw((char) HEX[(int) (value >>> shift) & 0xF]);
        }
    }

    private void ascii(String s) throws SQLException {
        for (int i = 0; i < s.length(); i++) {
            raw(s.charAt(i));
        }
    }

    private void utf8(String s, int i, char c) throws SQLException {
        int cp = Character.isHighSurrogate(c) && i + 1 < s.length() ? Character.toCodePoint(c, s.charAt(i + 1)) : c;
        if (cp < 0x800) {
            rawByte(0xC0 | (cp >> 6));
            rawByte(0x80 | (cp & 0x3F));
        } else if (cp < 0x10000) {
            rawByte(0xE0 | (cp >> 12));
            rawByte(0x80 | ((cp >> 6) & 0x3F));
            rawByte(0x80 | (cp & 0x3F));
        } else {
            rawByte(0xF0 | (cp >> 18));
            rawByte(0x80 | ((cp >> 12) & 0x3F));
            rawByte(0x80 | ((cp >> 6) & 0x3F));
            rawByte(0x80 | (cp & 0x3F));
        }
    }

    private void raw(char c) throws SQLException {
        rawByte(c);
    }

    private void rawByte(int b) throws SQLException {
        if (length == buffer.length) {
            flush();
        }
        buffer[length++] = (byte) b;
    }

    /**
     * Hands the buffer to the driver. Kept out of line on purpose: every write method calls it on its rarely taken "buffer
     * full" branch, and while this method was under the JIT's size limit for inlining a cold call (35 bytes of bytecode)
     * C2 inlined it - and the driver's whole write path behind it - into every one of those methods and into every loop
     * that calls them: a generator part became 340 kB of machine code, and compiling the generator took C2 more CPU time
     * (≈ 25 CPU-seconds at a million households) than the database needed for any one table. Keep it above that size.
     */
    private void flush() throws SQLException {
        if (length > 0) {
            copy.writeToCopy(buffer, 0, length);
            sent += length;
            length = 0;
        }
    }
}

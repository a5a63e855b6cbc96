package nl.leefwereld.shared;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.UUID;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;

/**
 * Streams rows into one table with PostgreSQL's COPY (text format) through the driver's {@link CopyManager}. Values are
 * written field by field and end with {@link #endRow()}; {@link #close()} ends the COPY. Not thread-safe.
 */
public final class CopyWriter implements AutoCloseable {

    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private final CopyIn copy;
    private final byte[] buffer = new byte[1 << 17];
    private int length;
    private boolean firstField = true;
    private long rows;

    CopyWriter(CopyManager manager, String table, String... columns) throws SQLException {
        this.copy = manager.copyIn("COPY " + table + " (" + String.join(", ", columns) + ") FROM STDIN");
    }

    /** Text, escaped for the COPY text format; null writes NULL. */
    public CopyWriter text(String value) throws SQLException {
        separator();
        if (value == null) {
            raw('\\');
            raw('N');
            return this;
        }
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
        return text(null);
    }

    public CopyWriter uuid(UUID value) throws SQLException {
        if (value == null) {
            return nul();
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
        separator();
        ascii(Long.toString(value));
        return this;
    }

    public CopyWriter bool(boolean value) throws SQLException {
        separator();
        raw(value ? 't' : 'f');
        return this;
    }

    public CopyWriter date(LocalDate value) throws SQLException {
        if (value == null) {
            return nul();
        }
        separator();
        ascii(value.toString());
        return this;
    }

    /** A point in time as epoch seconds, written in UTC. */
    public CopyWriter timestamp(long epochSecond) throws SQLException {
        separator();
        ascii(GenerationContext.utcText(epochSecond));
        raw('+');
        raw('0');
        raw('0');
        return this;
    }

    public void endRow() throws SQLException {
        raw('\n');
        firstField = true;
        rows++;
    }

    public long rows() {
        return rows;
    }

    @Override
    public void close() throws SQLException {
        flush();
        copy.endCopy();
    }

    private void separator() throws SQLException {
        if (!firstField) {
            raw('\t');
        }
        firstField = false;
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

    private void flush() throws SQLException {
        if (length > 0) {
            copy.writeToCopy(buffer, 0, length);
            length = 0;
        }
    }
}

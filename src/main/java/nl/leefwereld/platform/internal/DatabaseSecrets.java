package nl.leefwereld.platform.internal;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Properties;

/**
 * The embedded PostgreSQL's passwords (owner and application role): random, generated on the first start and kept in a
 * file only the operating-system user can read (mode 600) inside the data directory, reused on every later start.
 */
record DatabaseSecrets(String ownerPassword, String appPassword, boolean stored) {

    static final String FILE_NAME = "leefwereld-secrets.properties";

    private static final SecureRandom RANDOM = new SecureRandom();

    /** The stored secrets, or new ones (not yet stored: the data directory may still have to be initialised). */
    static DatabaseSecrets loadOrGenerate(Path file) throws IOException {
        if (Files.exists(file)) {
            Properties p = new Properties();
            try (Reader r = Files.newBufferedReader(file)) {
                p.load(r);
            }
            String owner = p.getProperty("owner");
            String app = p.getProperty("app");
            if (owner == null || owner.isBlank() || app == null || app.isBlank()) {
                throw new IOException("The database secrets file " + file + " is incomplete; restore it from a backup");
            }
            return new DatabaseSecrets(owner, app, true);
        }
        return fresh();
    }

    /** New secrets, not yet stored. */
    static DatabaseSecrets fresh() {
        return new DatabaseSecrets(generate(), generate(), false);
    }

    /** Writes the file with mode 600 (created with that mode, never readable by others for a moment). */
    DatabaseSecrets store(Path file) throws IOException {
        if (stored) {
            return this;
        }
        Properties p = new Properties();
        p.setProperty("owner", ownerPassword);
        p.setProperty("app", appPassword);
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(file);   // not a POSIX file system: rely on the data directory's own protection
        } catch (FileAlreadyExistsException e) {
            throw new IOException("The database secrets file " + file + " appeared while starting; start again", e);
        }
        try (Writer w = Files.newBufferedWriter(file, StandardOpenOption.TRUNCATE_EXISTING)) {
            p.store(w, "Leefwereld embedded PostgreSQL passwords - keep secret, back up with the data directory");
        }
        return new DatabaseSecrets(ownerPassword, appPassword, true);
    }

    private static String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    @Override
    public String toString() {
        return "DatabaseSecrets[hidden]";
    }
}

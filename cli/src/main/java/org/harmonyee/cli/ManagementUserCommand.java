package org.harmonyee.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.Properties;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * {@code management-user --file PATH --user NAME --groups G1,G2 [--password P]}: writes a user of
 * the management API's users file (read by the server's identity store). The password is, in
 * order: {@code --password}, the environment's {@code HARMONY_ADMIN_PASSWORD}, the one the file
 * already holds for the user (kept), or a new random one, printed once. Only a PBKDF2 hash is
 * stored, in the Jakarta Security {@code Pbkdf2PasswordHash} format
 * ({@code algorithm:iterations:salt:hash}, Base64), and the file is readable by its owner only.
 */
final class ManagementUserCommand {

    static final String PASSWORD_VARIABLE = "HARMONY_ADMIN_PASSWORD";
    private static final String ALGORITHM = "PBKDF2WithHmacSHA256";
    private static final int ITERATIONS = 10_000;
    private static final int SALT_BYTES = 32;
    private static final int KEY_BITS = 256;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final PrintStream out;
    private final PrintStream err;

    ManagementUserCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int run(String[] args) {
        Arguments arguments;
        Path file;
        String user;
        try {
            arguments = new Arguments(args);
            file = Path.of(arguments.get("file").orElseThrow(() -> new IllegalArgumentException("--file PATH is required")));
            user = arguments.get("user").orElseThrow(() -> new IllegalArgumentException("--user NAME is required"));
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return 2;
        }
        try {
            Properties users = load(file);
            Optional<String> given = arguments.get("password")
                    .or(() -> Optional.ofNullable(System.getenv(PASSWORD_VARIABLE)).filter(p -> !p.isEmpty()));
            if (given.isEmpty() && users.getProperty(user + ".password") != null) {
                return 0;
            }
            String password = given.orElseGet(ManagementUserCommand::generate);
            users.setProperty(user + ".password", hash(password));
            users.setProperty(user + ".groups", arguments.get("groups").orElse(""));
            store(file, users);
            if (given.isEmpty()) {
                out.println("harmony: management API user '" + user + "', password: " + password);
                out.println("harmony: shown once, kept hashed in " + file + " (set " + PASSWORD_VARIABLE
                        + " to choose it)");
            }
            return 0;
        } catch (IOException | GeneralSecurityException e) {
            err.println("harmony: cannot write the management users file " + file + ": " + e.getMessage());
            return 1;
        }
    }

    static String hash(String password) throws GeneralSecurityException {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        byte[] key = SecretKeyFactory.getInstance(ALGORITHM)
                .generateSecret(new PBEKeySpec(password.toCharArray(), salt, ITERATIONS, KEY_BITS)).getEncoded();
        Base64.Encoder base64 = Base64.getEncoder();
        return ALGORITHM + ":" + ITERATIONS + ":" + base64.encodeToString(salt) + ":" + base64.encodeToString(key);
    }

    private static String generate() {
        byte[] secret = new byte[18];
        RANDOM.nextBytes(secret);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    private static Properties load(Path file) throws IOException {
        Properties users = new Properties();
        if (Files.exists(file)) {
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                users.load(reader);
            }
        }
        return users;
    }

    private static void store(Path file, Properties users) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path temporary = Files.createTempFile(parent, ".users", ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try (Writer writer = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
            users.store(writer, "Harmony EE management API users: NAME.password (PBKDF2 hash), NAME.groups");
        }
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
    }
}

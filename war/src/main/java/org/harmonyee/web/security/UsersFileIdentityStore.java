package org.harmonyee.web.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.harmonyee.core.config.ManagementSettings;
import org.harmonyee.web.management.ManagementNetwork;

import java.io.IOException;
import java.io.Reader;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The management users file (MicroProfile Config {@code harmony.management.users}, env
 * {@code HARMONY_MANAGEMENT_USERS}): {@code NAME.password} a {@link Pbkdf2PasswordHash} hash and
 * {@code NAME.groups} a comma-separated list, as {@code harmony-cli management-user} writes it.
 * Read again when it changes. With no file configured, or with {@code realm = "server"}, this store
 * has no opinion, and the server's realm decides.
 */
@ApplicationScoped
public class UsersFileIdentityStore implements IdentityStore {

    private static final System.Logger LOG = System.getLogger(UsersFileIdentityStore.class.getName());

    @Inject
    @ConfigProperty(name = "harmony.management.users")
    Optional<String> usersFile;

    @Inject
    Pbkdf2PasswordHash hashes;

    @Inject
    ManagementNetwork network;

    private record Snapshot(FileTime modified, Properties users) {
    }

    private volatile Snapshot snapshot = new Snapshot(FileTime.fromMillis(0), new Properties());

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (usersFile.isEmpty() || network.settings().realm() == ManagementSettings.Realm.SERVER
                || !(credential instanceof UsernamePasswordCredential password)) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        Properties users = users(Path.of(usersFile.get()));
        String stored = users.getProperty(password.getCaller() + ".password");
        if (stored == null || !verifies(password, stored)) {
            return CredentialValidationResult.INVALID_RESULT;
        }
        Set<String> groups = Arrays.stream(users.getProperty(password.getCaller() + ".groups", "").split(","))
                .map(String::trim).filter(group -> !group.isEmpty()).collect(Collectors.toCollection(LinkedHashSet::new));
        return new CredentialValidationResult(password.getCaller(), groups);
    }

    private boolean verifies(UsernamePasswordCredential password, String stored) {
        try {
            return hashes.verify(password.getPassword().getValue(), stored);
        } catch (IllegalArgumentException malformed) {
            LOG.log(Level.WARNING, usersFile.get() + ": the password hash of user '" + password.getCaller()
                    + "' is not algorithm:iterations:salt:hash");
            return false;
        }
    }

    private Properties users(Path file) {
        try {
            FileTime modified = Files.getLastModifiedTime(file);
            Snapshot current = snapshot;
            if (modified.equals(current.modified())) {
                return current.users();
            }
            Properties users = new Properties();
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                users.load(reader);
            }
            snapshot = new Snapshot(modified, users);
            return users;
        } catch (IOException e) {
            LOG.log(Level.WARNING, "management users file " + file + " cannot be read: " + e.getMessage());
            return new Properties();
        }
    }
}

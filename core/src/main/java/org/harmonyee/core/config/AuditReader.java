package org.harmonyee.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Reads {@code [audit]} and {@code [audit.syslog]}; the defaults are {@link ConfigDefaults}'. */
final class AuditReader {

    private static final Set<String> AUDIT_KEYS = Set.of("enabled", "path", "max_file_size", "max_file_age_hours",
            "keep_files", "audit_source_id", "database");
    private static final Set<String> SYSLOG_KEYS = Set.of("host", "port", "transport", "trust_store",
            "trust_store_password", "app_name");

    private AuditReader() {
    }

    static AuditSettings read(Options audit, StorageSettings storage, String proxyId, Path directory) {
        TableShape.check(audit, AUDIT_KEYS, Set.of("syslog"));
        boolean enabled = audit.bool("enabled", ConfigDefaults.AUDIT_ENABLED);
        Path file = audit.path("path").orElse(storage.path().resolve(ConfigDefaults.AUDIT_FILE));
        long maxSize = audit.integer("max_file_size", ConfigDefaults.AUDIT_MAX_FILE_SIZE, 4_096, Long.MAX_VALUE);
        long maxAgeHours = audit.integer("max_file_age_hours", ConfigDefaults.AUDIT_MAX_FILE_AGE_HOURS, 1, 24L * 366);
        int keep = (int) audit.integer("keep_files", ConfigDefaults.AUDIT_KEEP_FILES, 1, 10_000);
        String sourceId = audit.string("audit_source_id", proxyId);
        boolean database = audit.bool("database", ConfigDefaults.AUDIT_DATABASE);
        JsonNode syslogNode = audit.raw("syslog");
        Optional<SyslogSettings> syslog = Optional.empty();
        if (syslogNode != null) {
            Options options = new Options(syslogNode.isObject() ? (ObjectNode) syslogNode : null,
                    audit.source().child("syslog"), audit.problems(), directory);
            if (!syslogNode.isObject()) {
                audit.problem("syslog", "expected a table");
            } else {
                syslog = Optional.of(syslog(options));
            }
        }
        return new AuditSettings(enabled, file, maxSize, Duration.ofHours(maxAgeHours), keep, sourceId, database, syslog);
    }

    private static SyslogSettings syslog(Options syslog) {
        TableShape.check(syslog, SYSLOG_KEYS, Set.of());
        String host = syslog.requiredString("host");
        String transport = syslog.oneOf("transport", ConfigDefaults.SYSLOG_TRANSPORT, Set.of("tcp", "tls"));
        int port = syslog.port("port", transport.equals("tls") ? ConfigDefaults.SYSLOG_TLS_PORT
                : ConfigDefaults.SYSLOG_TCP_PORT);
        Path trustStore = syslog.path("trust_store").orElse(null);
        String password = syslog.string("trust_store_password", "");
        if (trustStore != null && transport.equals("tcp")) {
            syslog.problem("trust_store", "only used with transport = \"tls\"");
        }
        String appName = syslog.string("app_name", ConfigDefaults.SYSLOG_APP_NAME);
        if (appName.isBlank() || appName.length() > 48 || !appName.chars().allMatch(c -> c >= 33 && c <= 126)) {
            syslog.problem("app_name", "expected 1-48 printable ASCII characters without spaces (RFC 5424 APP-NAME), got '"
                    + appName + "'");
            appName = ConfigDefaults.SYSLOG_APP_NAME;
        }
        return new SyslogSettings(host, port, SyslogSettings.Transport.valueOf(transport.toUpperCase(Locale.ROOT)),
                trustStore, password, appName);
    }
}

package org.harmonyee.core.config;

/** Every configuration default, in one place; docs/configuration.md mirrors this class. */
public final class ConfigDefaults {

    public static final String CONFIG_FILE = "config.toml";
    public static final String LOG_LEVEL = "info";
    public static final String PIPELINES_PATH = "pipelines";
    public static final String TRANSFORMS_PATH = "transforms";

    public static final long MAX_BODY_SIZE = 10L * 1024 * 1024;
    public static final int MAX_CSV_ROWS = 10_000;
    public static final int MAX_XML_DEPTH = 100;
    public static final int MAX_MULTIPART_FILES = 10;
    public static final int MAX_FORM_FIELDS = 1_000;

    public static final String BIND_ADDRESS = "0.0.0.0";
    public static final int BIND_PORT = 8080;

    /** {@code [network.NAME.dicom]}; the timeouts are dicom/net's Timeouts.DEFAULT (ARTIM, DIMSE, idle). */
    public static final int DICOM_MAX_ASSOCIATIONS = 50;
    public static final long DICOM_ACSE_TIMEOUT_MS = 10_000;
    public static final long DICOM_DIMSE_TIMEOUT_MS = 60_000;
    public static final long DICOM_IDLE_TIMEOUT_MS = 300_000;

    public static final boolean MANAGEMENT_ENABLED = false;
    public static final String MANAGEMENT_BASE_PATH = "admin";
    public static final String MANAGEMENT_REALM = "users_file";
    /** {@code [management.oidc]}: the claim holding the caller's groups, the values granting each role, the clock skew. */
    public static final String OIDC_ROLES_CLAIM = "groups";
    public static final String OIDC_MONITOR_VALUE = "harmony-monitor";
    public static final String OIDC_OPERATOR_VALUE = "harmony-operator";
    public static final long OIDC_LEEWAY_SECONDS = 60;

    public static final String STORAGE_BACKEND = "filesystem";
    public static final String STORAGE_PATH = "./tmp";

    /** {@code [audit]}: on by default, below the storage path, rotated at 100 MiB or a day, ten kept. */
    public static final boolean AUDIT_ENABLED = true;
    public static final String AUDIT_FILE = "audit/audit.jsonl";
    public static final long AUDIT_MAX_FILE_SIZE = 100L * 1024 * 1024;
    public static final long AUDIT_MAX_FILE_AGE_HOURS = 24;
    public static final int AUDIT_KEEP_FILES = 10;
    public static final boolean AUDIT_DATABASE = false;
    /** {@code [audit.syslog]}: the IANA ports of syslog over TCP (RFC 6587 practice) and over TLS (RFC 5425). */
    public static final String SYSLOG_TRANSPORT = "tls";
    public static final int SYSLOG_TCP_PORT = 601;
    public static final int SYSLOG_TLS_PORT = 6514;
    public static final String SYSLOG_APP_NAME = "harmony-ee";
    /** {@code [telemetry]}: every exchange traced once an OTLP endpoint is set. */
    public static final int TELEMETRY_SAMPLING_PERCENT = 100;

    public static final int HTTP_CONNECT_TIMEOUT_MS = 5_000;
    public static final int HTTP_READ_TIMEOUT_MS = 30_000;

    private ConfigDefaults() {
    }
}

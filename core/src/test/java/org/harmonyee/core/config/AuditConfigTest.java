package org.harmonyee.core.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AuditConfigTest {

    @TempDir
    Path directory;

    @Test
    void theTrailIsOnByDefaultBelowTheStoragePathWithoutSyslog() {
        AuditSettings audit = new ConfigFixture(directory).config(ConfigFixture.BASE).read().audit();

        assertThat(audit.enabled()).isTrue();
        assertThat(audit.file()).isEqualTo(directory.resolve("tmp/audit/audit.jsonl"));
        assertThat(audit.maxFileSize()).isEqualTo(100L * 1024 * 1024);
        assertThat(audit.maxFileAge()).isEqualTo(Duration.ofHours(24));
        assertThat(audit.auditSourceId()).isEqualTo("test");
        assertThat(audit.database()).as("rows in the default datasource only when asked").isFalse();
        assertThat(audit.syslog()).isEmpty();
    }

    @Test
    void readsTheFileRotationAndTheSyslogCollector() {
        AuditSettings audit = new ConfigFixture(directory).config(ConfigFixture.BASE + """
                [audit]
                path = "trail/a.jsonl"
                max_file_size = 65536
                max_file_age_hours = 2
                keep_files = 3
                audit_source_id = "site-1"
                database = true
                [audit.syslog]
                host = "127.0.0.1"
                port = "${SYSLOG_PORT}"
                transport = "tcp"
                """).read(java.util.Map.of("SYSLOG_PORT", "10514")).audit();

        assertThat(audit.file()).isEqualTo(directory.resolve("trail/a.jsonl"));
        assertThat(audit.maxFileSize()).isEqualTo(65_536);
        assertThat(audit.maxFileAge()).isEqualTo(Duration.ofHours(2));
        assertThat(audit.keepFiles()).isEqualTo(3);
        assertThat(audit.auditSourceId()).isEqualTo("site-1");
        assertThat(audit.database()).isTrue();
        SyslogSettings syslog = audit.syslog().orElseThrow();
        assertThat(syslog.port()).isEqualTo(10_514);
        assertThat(syslog.transport()).isEqualTo(SyslogSettings.Transport.TCP);
        assertThat(syslog.appName()).isEqualTo("harmony-ee");
    }

    @Test
    void badValuesNameTheFileTableAndKey() {
        ConfigFixture fixture = new ConfigFixture(directory).config(ConfigFixture.BASE + """
                [audit]
                max_file_size = 10
                database = "yes"
                [audit.syslog]
                transport = "udp"
                app_name = "has space"
                """);

        assertThatThrownBy(fixture::read).isInstanceOfSatisfying(ConfigException.class, e ->
                assertThat(e.problems()).extracting(ConfigProblem::toString).containsExactlyInAnyOrder(
                        "config.toml: [audit] max_file_size: expected 4096-9223372036854775807, got 10",
                        "config.toml: [audit] database: expected true or false, got 'yes'",
                        "config.toml: [audit.syslog] host: required, missing",
                        "config.toml: [audit.syslog] transport: expected one of [tcp, tls], got 'udp'",
                        "config.toml: [audit.syslog] app_name: expected 1-48 printable ASCII characters without "
                                + "spaces (RFC 5424 APP-NAME), got 'has space'"));
    }
}

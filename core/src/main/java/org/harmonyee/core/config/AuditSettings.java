package org.harmonyee.core.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * {@code [audit]}: the audit trail. Every exchange becomes one JSON line in {@code file}, which is
 * rotated when it reaches {@code maxFileSize} bytes or {@code maxFileAge}, keeping {@code keepFiles}
 * rotated files; when {@code database} is true, each record is also a row of table
 * {@code AUDIT_EVENT} in the server's default datasource (the one place the records of several
 * nodes meet); when {@code syslog} is present, DICOM PS3.15 audit messages also go to that collector.
 */
public record AuditSettings(boolean enabled, Path file, long maxFileSize, Duration maxFileAge, int keepFiles,
                            String auditSourceId, boolean database, Optional<SyslogSettings> syslog) {
}

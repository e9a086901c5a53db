package org.harmonyee.core.config;

/** {@code [management]}: the read-only management API, served only on its own network. */
public record ManagementSettings(boolean enabled, String basePath, String network) {
}

/**
 * Harmony's TOML configuration: {@code config.toml} plus every {@code *.toml} in
 * {@code pipelines_path} and {@code transforms_path}, read with jackson-dataformat-toml into
 * immutable records.
 *
 * <p>Owns: reading and merging the files, {@code ${VAR}} / {@code ${VAR:-default}} substitution,
 * the structural checks (types, ranges, references between tables) and the problem report that
 * names file, table and key. Defaults live in {@link org.harmonyee.core.config.ConfigDefaults}
 * and nowhere else. Service-specific options are checked by the service that owns them, through
 * {@link org.harmonyee.core.config.Options}, so that validation and construction never drift.
 *
 * <p>Must not touch: the network, the server, or any runtime object; this package only reads.
 */
package org.harmonyee.core.config;

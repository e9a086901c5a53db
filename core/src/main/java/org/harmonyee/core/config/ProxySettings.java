package org.harmonyee.core.config;

import java.nio.file.Path;

/** {@code [proxy]}: the gateway's identity, log level, where pipelines and transforms live. */
public record ProxySettings(String id, String logLevel, Path pipelinesPath, Path transformsPath,
                            ContentLimits contentLimits) {
}

package org.harmonyee.rar.inbound;

import jakarta.resource.ResourceException;
import jakarta.resource.spi.ActivationSpec;
import jakarta.resource.spi.InvalidPropertyException;
import jakarta.resource.spi.ResourceAdapter;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;

/**
 * The activation of a {@code DicomMessageListener} bean. Its one property, {@code configPath}, names
 * the gateway's config.toml; when the bean does not set it, the adapter uses what the gateway uses:
 * the system property {@code harmony.config}, else the environment variable {@code HARMONY_CONFIG}.
 */
public class DicomActivationSpec implements ActivationSpec {

    static final String PROPERTY = "harmony.config";
    static final String VARIABLE = "HARMONY_CONFIG";

    private String configPath;
    private ResourceAdapter resourceAdapter;

    public String getConfigPath() {
        return configPath;
    }

    public void setConfigPath(String configPath) {
        this.configPath = configPath;
    }

    /** The configuration file this activation reads. */
    Path configFile(Function<String, String> properties, Function<String, String> environment)
            throws InvalidPropertyException {
        return Optional.ofNullable(blankToNull(configPath))
                .or(() -> Optional.ofNullable(blankToNull(properties.apply(PROPERTY))))
                .or(() -> Optional.ofNullable(blankToNull(environment.apply(VARIABLE))))
                .map(Path::of)
                .orElseThrow(() -> new InvalidPropertyException("no configuration: set the activation property "
                        + "configPath, the system property " + PROPERTY + " or the environment variable " + VARIABLE
                        + " to the path of config.toml"));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** Deprecated by the specification (bean validation replaces it); paths are checked on activation. */
    @Override
    public void validate() {
        // nothing to check before activation: the file is read, and every problem reported, then
    }

    @Override
    public ResourceAdapter getResourceAdapter() {
        return resourceAdapter;
    }

    @Override
    public void setResourceAdapter(ResourceAdapter resourceAdapter) throws ResourceException {
        this.resourceAdapter = resourceAdapter;
    }

    @Override
    public String toString() {
        return "DicomActivationSpec[configPath=" + configPath + "]";
    }
}

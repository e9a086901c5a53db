package org.harmonyee.core.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code [network.NAME.dicom]}: its keys, defaults and problems, and how it sits beside {@code .http}. */
class DicomListenerConfigTest {

    private static final String PROXY = """
            [proxy]
            id = "test"
            """;

    @TempDir
    Path directory;

    @Test
    void aDicomListenerWithItsDefaults() {
        GatewayConfig config = read("""
                [network.pacs.dicom]
                bind_port = 11112
                aet = "HARMONY"
                """);

        NetworkConfig pacs = config.networks().get("pacs");
        DicomListener dicom = pacs.dicom().orElseThrow();
        assertThat(pacs.http()).as("a DICOM-only network has no HTTP listener").isEmpty();
        assertThat(dicom.bindAddress()).isEqualTo(ConfigDefaults.BIND_ADDRESS);
        assertThat(dicom.bindPort()).isEqualTo(11112);
        assertThat(dicom.aeTitle()).isEqualTo("HARMONY");
        assertThat(dicom.maxAssociations()).isEqualTo(50);
        assertThat(dicom.tls()).isEmpty();
        assertThat(dicom.acseTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(dicom.dimseTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(dicom.idleTimeout()).isEqualTo(Duration.ofMinutes(5));
        assertThat(dicom.source()).isEqualTo(new Source("config.toml", "network.pacs.dicom"));
    }

    @Test
    void aNetworkMayHaveBothListenersAndOneWithNeitherKeepsTheDefaultHttpListener() {
        GatewayConfig config = read("""
                [network.both.http]
                bind_address = "127.0.0.1"
                bind_port = 18080
                [network.both.dicom]
                bind_address = "127.0.0.1"
                bind_port = "${DICOM_PORT:-11112}"
                aet = " GATEWAY "
                max_associations = 5
                acse_timeout_ms = 2000
                dimse_timeout_ms = 0
                idle_timeout_ms = 1000
                [network.plain]
                """);

        NetworkConfig both = config.networks().get("both");
        assertThat(both.http().orElseThrow().bindPort()).isEqualTo(18080);
        DicomListener dicom = both.dicom().orElseThrow();
        assertThat(dicom.bindPort()).isEqualTo(11112);
        assertThat(dicom.aeTitle()).as("spaces at either end are not significant").isEqualTo("GATEWAY");
        assertThat(dicom.maxAssociations()).isEqualTo(5);
        assertThat(dicom.acseTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(dicom.dimseTimeout()).isZero();
        assertThat(dicom.idleTimeout()).isEqualTo(Duration.ofSeconds(1));
        NetworkConfig plain = config.networks().get("plain");
        assertThat(plain.http().orElseThrow().bindPort()).isEqualTo(ConfigDefaults.BIND_PORT);
        assertThat(plain.dicom()).isEmpty();
    }

    @Test
    void tlsNeedsBothStoresAndRequiresAClientCertificateByDefault() {
        ConfigFixture fixture = new ConfigFixture(directory).file("keys/server.p12", "x").file("keys/trust.p12", "x")
                .config(PROXY + """
                        [network.secure.dicom]
                        bind_port = 2762
                        aet = "HARMONY"
                        tls = true
                        tls_key_store = "keys/server.p12"
                        tls_key_store_password = "secret"
                        tls_trust_store = "keys/trust.p12"
                        """);

        DicomTlsSettings tls = fixture.read().networks().get("secure").dicom().orElseThrow().tls().orElseThrow();

        assertThat(tls.keyStore()).isEqualTo(directory.resolve("keys/server.p12"));
        assertThat(tls.trustStore()).isEqualTo(directory.resolve("keys/trust.p12"));
        assertThat(tls.keyStorePassword()).isEqualTo("secret");
        assertThat(tls.trustStorePassword()).isEmpty();
        assertThat(tls.requireClientCert()).isTrue();
        assertThat(tls.toString()).doesNotContain("secret");
    }

    @Test
    void everyBadKeyIsReportedWithFileTableAndKey() {
        ConfigFixture fixture = new ConfigFixture(directory).config(PROXY + """
                [network.a.dicom]
                bind_port = 70000
                aet = "A\\\\B"
                max_associations = 0
                tls = true
                tls_key_store = "missing.p12"
                require_client_certs = false
                [network.b.dicom]
                aet = "THIS_TITLE_IS_TOO_LONG"
                acse_timeout_ms = 0
                dimse_timeout_ms = -1
                [network.c.dicom]
                bind_port = 104
                [network.d]
                dicom = "11112"
                """);

        assertThatThrownBy(fixture::read).isInstanceOfSatisfying(ConfigException.class, e ->
                assertThat(e.problems()).extracting(ConfigProblem::toString).containsExactlyInAnyOrder(
                        "config.toml: [network.a.dicom] require_client_certs: unknown key; expected one of "
                                + "[acse_timeout_ms, aet, bind_address, bind_port, dimse_timeout_ms, idle_timeout_ms, "
                                + "max_associations, require_client_cert, tls, tls_key_store, tls_key_store_password, "
                                + "tls_trust_store, tls_trust_store_password]",
                        "config.toml: [network.a.dicom] bind_port: expected 1-65535, got 70000",
                        "config.toml: [network.a.dicom] aet: expected printable ASCII without a backslash, got 'A\\B'",
                        "config.toml: [network.a.dicom] max_associations: expected 1-10000, got 0",
                        "config.toml: [network.a.dicom] tls_key_store: not a readable file: " + directory.resolve("missing.p12"),
                        "config.toml: [network.a.dicom] tls_trust_store: required when tls = true",
                        "config.toml: [network.b.dicom] bind_port: required, missing (a DICOM listener has no default port)",
                        "config.toml: [network.b.dicom] aet: expected 1-16 characters, got 22",
                        "config.toml: [network.b.dicom] acse_timeout_ms: expected 1-86400000, got 0",
                        "config.toml: [network.b.dicom] dimse_timeout_ms: expected 0-86400000, got -1",
                        "config.toml: [network.c.dicom] aet: required, missing",
                        "config.toml: [network.d.dicom] expected a table"));
    }

    @Test
    void aPortUsedByTwoListenersIsAProblemNamingBoth() {
        ConfigFixture fixture = new ConfigFixture(directory).config(PROXY + """
                [network.web.http]
                bind_port = 11112
                [network.pacs.dicom]
                bind_port = 11112
                aet = "HARMONY"
                [network.other.dicom]
                bind_port = 11112
                aet = "OTHER"
                """);

        assertThatThrownBy(fixture::read).isInstanceOfSatisfying(ConfigException.class, e ->
                assertThat(e.problems()).extracting(ConfigProblem::toString).containsExactlyInAnyOrder(
                        "config.toml: [network.pacs.dicom] bind_port: port 11112 is already the listener of network "
                                + "'web' ([network.web.http] in config.toml); each listener needs its own port",
                        "config.toml: [network.other.dicom] bind_port: port 11112 is already the listener of network "
                                + "'web' ([network.web.http] in config.toml); each listener needs its own port"));
    }

    private GatewayConfig read(String networks) {
        return new ConfigFixture(directory).config(PROXY + networks).read();
    }
}

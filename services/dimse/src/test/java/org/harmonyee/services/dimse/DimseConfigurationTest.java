package org.harmonyee.services.dimse;

import org.harmonyee.core.runtime.ServiceCatalog;
import org.harmonyee.dicom.net.TestThreads;
import org.harmonyee.dicom.net.peers.TestCertificates;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The backend's options as the gateway reads them: registration under both names, every bad value
 * reported with file, table and key, the target addresses, and DICOM over TLS with a password
 * from the environment.
 */
@Timeout(60)
class DimseConfigurationTest {

    @TempDir
    static Path directory;
    private static TestThreads threads;
    private static BackendFixture fixture;

    @BeforeAll
    static void start() {
        threads = new TestThreads("dimse-config-test");
        fixture = new BackendFixture(directory, threads.executor());
    }

    @AfterAll
    static void stop() throws InterruptedException {
        fixture.close();
        threads.close();
    }

    @Test
    void theModuleRegistersDicomAndDicomScu() {
        assertThat(ServiceCatalog.standard(getClass().getClassLoader()).backendServices())
                .contains(DimseBackend.SERVICE, DimseBackend.SCU_SERVICE);
        assertThat(fixture.problems(BackendFixture.pacs("PACS", 104, "")
                + "[backends.rust]\nservice = \"dicom_scu\"\naet = \"PACS\"\nhost = \"pacs.local\"\nport = 11112\n"))
                .isEmpty();
    }

    @Test
    void theDefaultsAndTheAddress() {
        DimseBackend backend = fixture.backend(BackendFixture.pacs("PACS", 104, "max_pooled_associations = 4"));

        assertThat(backend.service()).isEqualTo("dicom");
        assertThat(backend.targets().orElseThrow().targets().get(0).url()).hasToString("dicom://PACS@127.0.0.1:104");
        assertThat(backend.targets().orElseThrow().tracksHealth()).isFalse();
    }

    @Test
    void everyBadValueIsReportedWithItsFileTableAndKey() {
        String problems = fixture.problems(BackendFixture.pacs("""
                aet = "A_TITLE_FAR_TOO_LONG"
                port = 0
                local_aet = "BAD\\\\AE"
                dimse_retrieve_mode = "copy"
                connect_timeout_ms = 0
                dimse_timeout_ms = "soon"
                max_results = -1
                move_destination = "   "
                pool_idle_timeout_ms = 60000
                max_pooled_associations = 1001
                tls_trust_store = "trust.p12"
                """));

        assertThat(problems)
                .contains("pipelines/pacs.toml: [backends.pacs] aet: expected an AE title of 1-16 characters")
                .contains("[backends.pacs] host: required, missing")
                .contains("[backends.pacs] port: expected 1-65535, got 0")
                .contains("[backends.pacs] local_aet: expected an AE title")
                .contains("[backends.pacs] dimse_retrieve_mode: expected one of [get, get_or_move, move], got 'copy'")
                .contains("[backends.pacs] connect_timeout_ms: expected 1-600000, got 0")
                .contains("[backends.pacs] dimse_timeout_ms: expected an integer")
                .contains("[backends.pacs] max_results: expected 1-1000000, got -1")
                .contains("[backends.pacs] move_destination: expected an AE title")
                .contains("[backends.pacs] pool_idle_timeout_ms: must be below dimse_timeout_ms (60000)")
                .contains("[backends.pacs] max_pooled_associations: expected 0-1000, got 1001")
                .contains("[backends.pacs] tls_trust_store: needs use_tls = true");
    }

    @Test
    void targetsReplaceTheSingleAddressAndAreCheckedThemselves() {
        String problems = fixture.problems(BackendFixture.pacs("PACS", 104, "targets = [\"a\", \"ghost\"]")
                + "[targets.a]\naet = \"\"\nhost = \"10.0.0.1\"\n");

        assertThat(problems)
                .contains("[backends.pacs] host: set either host or targets, not both")
                .contains("[backends.pacs] aet: set either aet or targets, not both")
                .contains("[backends.pacs] port: set either port or targets, not both")
                .contains("[backends.pacs] targets: no [targets.ghost] is defined")
                .contains("[targets.a] aet: expected an AE title")
                .contains("[targets.a] port: required, missing");
    }

    @Test
    void tlsNeedsItsStoresAndLoadsThem() {
        assertThat(fixture.problems(BackendFixture.pacs("PACS", 104, "use_tls = true")))
                .contains("[backends.pacs] tls_trust_store: required when use_tls = true");
        assertThat(fixture.problems(BackendFixture.pacs("PACS", 104, "use_tls = true\ntls_trust_store = \"none.p12\"")))
                .contains("[backends.pacs] tls_trust_store: no such file");
    }

    @Test
    void anEchoOverTlsWithThePasswordFromTheEnvironment() throws Exception {
        TestCertificates certificates = TestCertificates.create(directory.resolve("certificates"));
        TestCertificates.Party client = certificates.client();
        try (TestScp scp = TestScp.start(0, (context, identifier, matches) -> { }, threads.executor(),
                org.harmonyee.dicom.net.tls.DicomTls.of(certificates.server().config()))) {
            DimseBackend backend = fixture.backend(BackendFixture.pacs(TestScp.AE_TITLE, scp.port(), """
                    use_tls = true
                    tls_key_store = "%s"
                    tls_key_store_password = "${TLS_PASSWORD}"
                    tls_trust_store = "%s"
                    tls_trust_store_password = "${TLS_PASSWORD}"
                    """.formatted(client.keyStore(), client.trustStore())),
                    Map.of("TLS_PASSWORD", new String(TestCertificates.PASSWORD)));

            assertThat(backend.targets().orElseThrow().targets().get(0).url().getScheme()).isEqualTo("dicoms");
            assertThat(backend.invoke(Requests.dimse(DimseRequests.C_ECHO, null)).status()).isEqualTo(200);
        }
    }
}

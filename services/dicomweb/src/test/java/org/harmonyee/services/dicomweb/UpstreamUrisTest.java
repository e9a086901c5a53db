package org.harmonyee.services.dicomweb;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Which URLs are the DICOMweb server's own, and what they become below the gateway's base. */
class UpstreamUrisTest {

    private static final String GATEWAY = "https://viewer.example/pacs/dicom-web";
    private final UpstreamUris uris = new UpstreamUris(List.of(URI.create("http://orthanc:8042/dicom-web/"),
            URI.create("http://10.0.0.7:8080/dcm4chee-arc/aets/DCM4CHEE/rs")));

    @Test
    void aUrlBelowATargetsBaseIsPutBelowTheGateways() {
        assertThat(uris.rewrite("http://orthanc:8042/dicom-web/studies/1.2/series/3.4/instances/5.6/bulk/7fe00010", GATEWAY))
                .isEqualTo(GATEWAY + "/studies/1.2/series/3.4/instances/5.6/bulk/7fe00010");
        assertThat(uris.rewrite("http://10.0.0.7:8080/dcm4chee-arc/aets/DCM4CHEE/rs/studies/1.2?offset=0&length=10", GATEWAY))
                .isEqualTo(GATEWAY + "/studies/1.2?offset=0&length=10");
        assertThat(uris.rewrite("http://orthanc:8042/dicom-web", GATEWAY)).isEqualTo(GATEWAY);
    }

    @Test
    void aServerNamingItselfByAnotherHostIsRecognisedByItsPath() {
        assertThat(uris.rewrite("https://pacs.internal/dicom-web/studies/1.2", GATEWAY)).isEqualTo(GATEWAY + "/studies/1.2");
    }

    @Test
    void otherUrlsAndTextAreLeftAlone() {
        for (String other : List.of("http://orthanc:8042/dicom-webx/studies/1.2", "http://elsewhere/wado/studies/1.2",
                "urn:oid:1.2.3", "/dicom-web/studies/1.2", "not a url at all", "ftp://orthanc/dicom-web/studies/1")) {
            assertThat(uris.rewrite(other, GATEWAY)).as(other).isEqualTo(other);
        }
    }
}

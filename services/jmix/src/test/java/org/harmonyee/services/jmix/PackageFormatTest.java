package org.harmonyee.services.jmix;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Accept decides between the zip and the tar.gz as RFC 9110 has it: specificity first, then quality. */
class PackageFormatTest {

    @Test
    void theZipUnlessGzipIsPreferred() {
        assertThat(PackageFormat.negotiate("")).contains(PackageFormat.ZIP);
        assertThat(PackageFormat.negotiate("*/*")).contains(PackageFormat.ZIP);
        assertThat(PackageFormat.negotiate("application/*")).contains(PackageFormat.ZIP);
        assertThat(PackageFormat.negotiate("application/gzip")).contains(PackageFormat.TAR_GZ);
        assertThat(PackageFormat.negotiate("application/zip, application/gzip")).contains(PackageFormat.ZIP);
        assertThat(PackageFormat.negotiate("application/gzip;q=0.5, application/zip")).contains(PackageFormat.ZIP);
        assertThat(PackageFormat.negotiate("application/zip;q=0.4, application/gzip;q=0.6")).contains(PackageFormat.TAR_GZ);
        assertThat(PackageFormat.negotiate("application/*;q=0.1, application/gzip")).contains(PackageFormat.TAR_GZ);
        assertThat(PackageFormat.negotiate("*/*, application/zip;q=0")).contains(PackageFormat.TAR_GZ);
    }

    @Test
    void nothingWhenNeitherIsAllowed() {
        assertThat(PackageFormat.negotiate("text/html")).isEmpty();
        assertThat(PackageFormat.negotiate("application/json, text/*")).isEmpty();
        assertThat(PackageFormat.negotiate("application/gzip;q=0, application/zip;q=0")).isEmpty();
    }
}

package org.harmonyee.core.content;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MediaTypesTest {

    @Test
    void quotesParameterValuesThatAreNotTokens() {
        assertThat(MediaTypes.quoteParameterValues("multipart/related; type=application/octet-stream"))
                .isEqualTo("multipart/related; type=\"application/octet-stream\"");
        assertThat(MediaTypes.quoteParameterValues(
                "multipart/related; type=application/dicom; transfer-syntax=*, application/dicom+json;q=0.5"))
                .isEqualTo("multipart/related; type=\"application/dicom\"; transfer-syntax=*, application/dicom+json;q=0.5");
        assertThat(MediaTypes.quoteParameterValues("multipart/related;type=application/dicom;boundary=abc:def"))
                .isEqualTo("multipart/related;type=\"application/dicom\";boundary=\"abc:def\"");
    }

    @Test
    void leavesTokensAndQuotedValuesAsTheyAre() {
        String quoted = "multipart/related; boundary=\"a;b=c/d,e\"; type=\"application/dicom\"";
        assertThat(MediaTypes.quoteParameterValues(quoted)).isSameAs(quoted);
        String tokens = "application/json; charset=utf-8, text/plain;q=0.9";
        assertThat(MediaTypes.quoteParameterValues(tokens)).isSameAs(tokens);
        assertThat(MediaTypes.quoteParameterValues("*/*")).isEqualTo("*/*");
        assertThat(MediaTypes.quoteParameterValues(null)).isNull();
    }

    @Test
    void readsTheParameterBackUnquoted() {
        String header = MediaTypes.quoteParameterValues("multipart/related; type=application/dicom");
        assertThat(MediaTypes.parameter(header, "type")).contains("application/dicom");
    }
}

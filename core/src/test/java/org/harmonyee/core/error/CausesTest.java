package org.harmonyee.core.error;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.SocketTimeoutException;

import static org.assertj.core.api.Assertions.assertThat;

class CausesTest {

    @Test
    void findsTheFirstCauseOfAType() {
        GatewayException limit = new GatewayException(ProblemType.PAYLOAD_TOO_LARGE, "over the limit");
        IOException wrapped = new IOException("read failed", new UncheckedIOException(new IOException(limit)));

        assertThat(Causes.find(wrapped, GatewayException.class)).containsSame(limit);
        assertThat(Causes.find(wrapped, IOException.class)).containsSame(wrapped);
        assertThat(Causes.find(wrapped, SocketTimeoutException.class)).isEmpty();
    }

    @Test
    void theRootIsTheLastCauseOrTheFailureItself() {
        SocketTimeoutException timeout = new SocketTimeoutException("Read timed out");
        RuntimeException failure = new RuntimeException("insert failed", new IllegalStateException("rolled back", timeout));

        assertThat(Causes.root(failure)).isSameAs(timeout);
        assertThat(Causes.root(timeout)).isSameAs(timeout);
        assertThat(Causes.rootReason(failure)).isEqualTo("SocketTimeoutException: Read timed out");
        assertThat(Causes.rootReason(new IllegalStateException())).isEqualTo("IllegalStateException");
    }

    @Test
    void aChainThatLoopsBackEndsWhereItWouldRepeat() {
        IOException first = new IOException("first");
        IOException second = new IOException("second", first);
        first.initCause(second);

        assertThat(Causes.root(first)).isSameAs(second);
        assertThat(Causes.find(first, SocketTimeoutException.class)).isEmpty();
    }
}

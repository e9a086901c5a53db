package org.harmonyee.dicom.net.association;

import java.time.Duration;

/**
 * The upper-layer timers, 0 meaning none: {@code connect} for the TCP connection, {@code artim}
 * (ARTIM: waiting for the A-ASSOCIATE-RQ on an accepted connection, and for A-RELEASE-RP or the
 * close after a release), {@code request} (waiting for the A-ASSOCIATE-AC/RJ), {@code dimseResponse}
 * (silence while a response is outstanding) and {@code idle} (silence with nothing outstanding).
 */
public record Timeouts(Duration connect, Duration artim, Duration request, Duration dimseResponse, Duration idle) {

    public static final Timeouts DEFAULT = new Timeouts(Duration.ofSeconds(10), Duration.ofSeconds(10),
            Duration.ofSeconds(30), Duration.ofSeconds(60), Duration.ofSeconds(300));

    public Timeouts withIdle(Duration value) {
        return new Timeouts(connect, artim, request, dimseResponse, value);
    }

    public Timeouts withArtim(Duration value) {
        return new Timeouts(connect, value, request, dimseResponse, idle);
    }

    static int millis(Duration duration) {
        return (int) Math.min(Integer.MAX_VALUE, duration.toMillis());
    }
}

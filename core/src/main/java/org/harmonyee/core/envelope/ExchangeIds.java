package org.harmonyee.core.envelope;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Short, random exchange ids for logs, problem documents, audit records and the X-Exchange-Id
 * header: 16 hex digits, made by whichever door receives the request (HTTP, DIMSE).
 */
public final class ExchangeIds {

    private ExchangeIds() {
    }

    public static String next() {
        return String.format("%016x", ThreadLocalRandom.current().nextLong());
    }
}

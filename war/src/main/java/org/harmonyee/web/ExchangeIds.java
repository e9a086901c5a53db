package org.harmonyee.web;

import java.util.concurrent.ThreadLocalRandom;

/** Short, random exchange ids for logs, problem documents and the X-Exchange-Id header. */
final class ExchangeIds {

    private ExchangeIds() {
    }

    static String next() {
        return String.format("%016x", ThreadLocalRandom.current().nextLong());
    }
}

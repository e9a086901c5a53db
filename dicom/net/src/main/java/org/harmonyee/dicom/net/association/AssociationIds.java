package org.harmonyee.dicom.net.association;

import java.util.concurrent.atomic.AtomicInteger;

/** Numbers associations in this process, for the log prefix {@code CALLING->CALLED(n)}. */
final class AssociationIds {

    private static final AtomicInteger NEXT = new AtomicInteger();

    private AssociationIds() {
    }

    static int next() {
        return NEXT.incrementAndGet();
    }

    static String name(String calling, String called, int id) {
        return calling + "->" + called + "(" + id + ")";
    }
}

package org.harmonyee.rar.api;

/**
 * The sub-operation counters of a C-GET or C-MOVE (PS3.4 C.4.2.1.5, C.4.3.1.4): what remains, and
 * how many completed, failed and completed with a warning so far.
 */
public record SubOperations(int remaining, int completed, int failed, int warning) {

    public SubOperations {
        if (remaining < 0 || completed < 0 || failed < 0 || warning < 0) {
            throw new IllegalArgumentException("sub-operation counters are never negative: " + remaining + ", "
                    + completed + ", " + failed + ", " + warning);
        }
    }
}

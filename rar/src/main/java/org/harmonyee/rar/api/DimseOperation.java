package org.harmonyee.rar.api;

/** The DIMSE-C services a listener receives (PS3.7 9). */
public enum DimseOperation {
    C_ECHO("C-ECHO"), C_STORE("C-STORE"), C_FIND("C-FIND"), C_GET("C-GET"), C_MOVE("C-MOVE");

    private final String standardName;

    DimseOperation(String standardName) {
        this.standardName = standardName;
    }

    /** The name as the standard writes it, e.g. {@code C-FIND}. */
    @Override
    public String toString() {
        return standardName;
    }
}

package org.harmonyee.dicom.net.dimse;

/** Priority (0000,0700) of C-STORE, C-FIND, C-GET and C-MOVE requests. */
public enum Priority {
    MEDIUM(0), HIGH(1), LOW(2);

    private final int code;

    Priority(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}

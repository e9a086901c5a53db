package org.harmonyee.dicom.net.service;

/** The final answer to a C-GET or C-MOVE: status (0000, B000 some sub-operations failed, FE00) and counters. */
public record RetrieveResult(int status, SubOperations subOperations, String errorComment) {
}

package org.harmonyee.rar.api;

/** Priority (0000,0700) of a request; C-ECHO, which has none, is MEDIUM. */
public enum DimsePriority {
    LOW, MEDIUM, HIGH
}

package org.harmonyee.dicom.net.service;

import org.harmonyee.dicom.net.dimse.DimseException;

/** The Verification SCP handler (PS3.4 A): returning normally answers Success. */
@FunctionalInterface
public interface CEchoScp {

    CEchoScp SUCCESS = context -> {
    };

    /** @throws DimseException to answer with its status and ErrorComment */
    void echo(ScpContext context) throws DimseException;
}

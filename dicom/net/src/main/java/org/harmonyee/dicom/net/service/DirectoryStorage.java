package org.harmonyee.dicom.net.service;

import org.harmonyee.dicom.net.dimse.DimseException;
import org.harmonyee.dicom.net.dimse.Status;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A storage SCP that writes each instance as a PS3.10 file {@code <directory>/<SOP Instance UID>.dcm}:
 * File Meta Information for the received transfer syntax, then the data set bytes exactly as they
 * came, streamed through a 64 KiB buffer into a hidden partial file (named by instance and thread,
 * cheaper than a random temporary name) renamed when complete. A disk
 * failure answers A700 (out of resources); the rest of the data set is still read.
 */
public final class DirectoryStorage implements CStoreScp {

    private final Path directory;

    public DirectoryStorage(Path directory) {
        this.directory = directory;
    }

    /** Where the instance {@code sopInstanceUid} is written. */
    public Path file(String sopInstanceUid) {
        return directory.resolve(sopInstanceUid + ".dcm");
    }

    @Override
    public int store(ScpContext context, InputStream dataSet) throws DimseException, IOException {
        String instance = context.request().affectedSopInstanceUid();
        if (instance == null || instance.isBlank() || !instance.matches("[0-9.]+")) {
            throw new DimseException(Status.CANNOT_UNDERSTAND, "Affected SOP Instance UID missing or not a UID");
        }
        Path target = file(instance.strip());
        Path partial = null;
        IOException diskFailure = null;
        OutputStream file = null;
        try {
            Files.createDirectories(directory);
            partial = directory.resolve("." + instance.strip() + "." + Thread.currentThread().getId() + ".part");
            file = new BufferedOutputStream(Files.newOutputStream(partial), 64 * 1024);
            FileMetaInformation.write(file, context.sopClassUid(), instance.strip(), context.transferSyntax());
        } catch (IOException e) {
            diskFailure = e;
        }
        byte[] buffer = new byte[64 * 1024];
        for (int n = dataSet.read(buffer); n >= 0; n = dataSet.read(buffer)) {
            if (diskFailure == null) {
                try {
                    file.write(buffer, 0, n);
                } catch (IOException e) {
                    diskFailure = e;
                }
            }
        }
        try {
            if (file != null) {
                file.close();
            }
            if (diskFailure == null) {
                Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                return Status.SUCCESS;
            }
        } catch (IOException e) {
            diskFailure = e;
        }
        if (partial != null) {
            Files.deleteIfExists(partial);
        }
        throw new DimseException(Status.OUT_OF_RESOURCES, "cannot write the instance: " + diskFailure.getMessage(),
                diskFailure);
    }
}

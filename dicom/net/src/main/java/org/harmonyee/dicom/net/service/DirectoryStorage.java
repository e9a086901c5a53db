package org.harmonyee.dicom.net.service;

import org.harmonyee.dicom.io.FileMetaInformation;
import org.harmonyee.dicom.net.dimse.DimseException;
import org.harmonyee.dicom.net.dimse.Status;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.regex.Pattern;

/**
 * A storage SCP that writes each instance as a PS3.10 file {@code <directory>/<SOP Instance UID>.dcm}:
 * File Meta Information for the received transfer syntax, then the data set bytes exactly as they
 * came, into a hidden partial file (named by instance and thread, cheaper than a random temporary
 * name) renamed when complete and closed, before the response. The data set is read in full 64 KiB
 * chunks written straight to the file: no second buffer, one write call per chunk. Nothing is
 * forced to disk (no fsync), as DCMTK's storescp does not. A disk failure answers A700 (out of
 * resources); the rest of the data set is still read. An association lost mid-instance leaves
 * nothing on disk.
 */
public final class DirectoryStorage implements CStoreScp {

    private static final Pattern UID = Pattern.compile("[0-9.]+");
    private static final int CHUNK = 64 * 1024;

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
        String uid = context.request().affectedSopInstanceUid();
        String instance = uid == null ? "" : uid.strip();
        if (!UID.matcher(instance).matches()) {
            throw new DimseException(Status.CANNOT_UNDERSTAND, "Affected SOP Instance UID missing or not a UID");
        }
        Path target = file(instance);
        Path partial = directory.resolve("." + instance + "." + Thread.currentThread().getId() + ".part");
        IOException diskFailure = null;
        OutputStream file = null;
        try {
            file = open(partial);
            FileMetaInformation.of(context.sopClassUid(), instance, context.transferSyntax()).write(file);
        } catch (IOException e) {
            diskFailure = e;
        }
        try {
            diskFailure = copy(dataSet, file, diskFailure);
        } catch (IOException networkFailure) {
            discard(file, partial);
            throw networkFailure;
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
        if (file != null) {
            discard(file, partial);
        }
        throw new DimseException(Status.OUT_OF_RESOURCES, "cannot write the instance: " + diskFailure.getMessage(),
                diskFailure);
    }

    /** Copies the rest of the data set, to the file while it takes it; returns the disk failure, if any. */
    private static IOException copy(InputStream dataSet, OutputStream file, IOException diskFailure) throws IOException {
        IOException failure = diskFailure;
        byte[] chunk = new byte[CHUNK];
        for (int n = dataSet.readNBytes(chunk, 0, CHUNK); n > 0; n = dataSet.readNBytes(chunk, 0, CHUNK)) {
            if (failure == null) {
                try {
                    file.write(chunk, 0, n);
                } catch (IOException e) {
                    failure = e;
                }
            }
        }
        return failure;
    }

    /** Nothing of a failed instance stays on disk; a partial file that cannot be removed is logged, not thrown. */
    private static void discard(OutputStream file, Path partial) {
        try {
            if (file != null) {
                file.close();
            }
            Files.deleteIfExists(partial);
        } catch (IOException e) {
            DimseServiceRouter.LOG.log(System.Logger.Level.WARNING, () -> partial + ": cannot remove: " + e.getMessage());
        }
    }

    /** The partial file, the directory made first when missing (only then: not a check per instance). */
    private OutputStream open(Path partial) throws IOException {
        try {
            return Files.newOutputStream(partial);
        } catch (NoSuchFileException e) {
            Files.createDirectories(directory);
            return Files.newOutputStream(partial);
        }
    }
}

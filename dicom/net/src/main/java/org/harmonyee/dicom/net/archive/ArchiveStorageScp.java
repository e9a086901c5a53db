package org.harmonyee.dicom.net.archive;

import org.harmonyee.dicom.data.Tag;
import org.harmonyee.dicom.net.dimse.DimseException;
import org.harmonyee.dicom.net.dimse.Status;
import org.harmonyee.dicom.net.service.CStoreScp;
import org.harmonyee.dicom.net.service.DirectoryStorage;
import org.harmonyee.dicom.net.service.ScpContext;

import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * C-STORE into the archive's folder through {@link DirectoryStorage}, then into the index, so the
 * next C-FIND sees the instance. A file the index cannot take (not parseable, a UID missing, or a
 * SOP Instance UID other than the request's) is deleted again and refused: A900 (data set does not
 * match SOP class) or C000 (cannot understand).
 */
final class ArchiveStorageScp implements CStoreScp {

    private static final System.Logger LOG = System.getLogger(ArchiveStorageScp.class.getName());

    private final DirectoryStorage storage;
    private final ArchiveIndex index;

    ArchiveStorageScp(Path directory, ArchiveIndex index) {
        this.storage = new DirectoryStorage(directory);
        this.index = index;
    }

    @Override
    public int store(ScpContext context, InputStream dataSet) throws DimseException, IOException {
        int status = storage.store(context, dataSet);
        String uid = context.request().affectedSopInstanceUid().strip();
        Path file = storage.file(uid);
        InstanceHeader header;
        try {
            header = InstanceHeader.read(file);
        } catch (IOException e) {
            Files.deleteIfExists(file);
            throw new DimseException(Status.CANNOT_UNDERSTAND, "cannot parse the data set: " + e.getMessage(), e);
        }
        String problem = ArchiveIndex.unindexable(header.dataSet());
        if (problem == null && !uid.equals(header.dataSet().getString(Tag.SOPInstanceUID))) {
            problem = "SOPInstanceUID differs from the request's";
        }
        if (problem != null) {
            Files.deleteIfExists(file);
            throw new DimseException(Status.DATA_SET_DOES_NOT_MATCH_SOP_CLASS, problem);
        }
        index.add(file, header.dataSet(), header.transferSyntax());
        LOG.log(Level.DEBUG, () -> context + ": indexed " + uid);
        return status;
    }
}

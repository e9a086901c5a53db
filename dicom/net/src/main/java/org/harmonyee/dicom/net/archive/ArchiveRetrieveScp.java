package org.harmonyee.dicom.net.archive;

import org.harmonyee.dicom.data.Attributes;
import org.harmonyee.dicom.net.dimse.DimseException;
import org.harmonyee.dicom.net.service.RetrieveScp;
import org.harmonyee.dicom.net.service.ScpContext;

import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.util.List;

/**
 * C-GET and C-MOVE over the index (PS3.4 C.4.2, C.4.3): the files of every instance below the
 * entities the unique keys select; none selected is a retrieve of zero sub-operations (Success).
 */
final class ArchiveRetrieveScp implements RetrieveScp {

    private static final System.Logger LOG = System.getLogger(ArchiveRetrieveScp.class.getName());

    private final ArchiveIndex index;

    ArchiveRetrieveScp(ArchiveIndex index) {
        this.index = index;
    }

    @Override
    public List<Path> retrieve(ScpContext context, Attributes identifier) throws DimseException {
        Query query = Query.retrieve(InformationModel.of(context.sopClassUid()), identifier);
        List<Path> files = index.files(query);
        LOG.log(Level.DEBUG, () -> context + ": " + query.level() + " selects " + files.size() + " instances");
        return files;
    }
}

package org.harmonyee.dicom.net.archive;

import org.harmonyee.dicom.data.Attributes;
import org.harmonyee.dicom.net.dimse.DimseException;
import org.harmonyee.dicom.net.service.CFindScp;
import org.harmonyee.dicom.net.service.ScpContext;

import java.io.IOException;

/**
 * C-FIND over the index (PS3.4 C.4.1): the identifier becomes a {@link Query}, its matches are
 * selected under the read lock, and each pending response is built under the lock and sent outside it.
 */
final class ArchiveFindScp implements CFindScp {

    private final ArchiveIndex index;

    ArchiveFindScp(ArchiveIndex index) {
        this.index = index;
    }

    @Override
    public void find(ScpContext context, Attributes identifier, Matches matches) throws DimseException, IOException {
        Query query = Query.find(InformationModel.of(context.sopClassUid()), identifier);
        for (Entity entity : index.select(query)) {
            Attributes response = index.read(entity, e -> MatchResponse.of(query, e, context.calledAETitle()));
            if (!matches.send(response)) {
                return;
            }
        }
    }
}

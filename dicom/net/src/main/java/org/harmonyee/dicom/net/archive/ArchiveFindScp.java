package org.harmonyee.dicom.net.archive;

import org.harmonyee.dicom.data.Attributes;
import org.harmonyee.dicom.net.dimse.DimseException;
import org.harmonyee.dicom.net.service.CFindScp;
import org.harmonyee.dicom.net.service.ScpContext;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.List;

/**
 * C-FIND over the index (PS3.4 C.4.1): the identifier becomes a {@link Query}, its matches are
 * selected under the read lock, and each pending response is built under the lock and sent outside it.
 */
final class ArchiveFindScp implements CFindScp {

    private static final System.Logger LOG = System.getLogger(ArchiveFindScp.class.getName());

    private final ArchiveIndex index;

    ArchiveFindScp(ArchiveIndex index) {
        this.index = index;
    }

    @Override
    public void find(ScpContext context, Attributes identifier, Matches matches) throws DimseException, IOException {
        Query query = Query.find(InformationModel.of(context.sopClassUid()), identifier);
        List<Entity> selected = index.select(query);
        LOG.log(Level.DEBUG, () -> context + ": C-FIND " + query.level() + ": " + selected.size() + " matches");
        for (Entity entity : selected) {
            Attributes response = index.read(entity, e -> MatchResponse.of(query, e, context.calledAETitle()));
            if (!matches.send(response)) {
                return;
            }
        }
    }
}

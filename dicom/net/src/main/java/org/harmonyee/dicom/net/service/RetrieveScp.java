package org.harmonyee.dicom.net.service;

import org.harmonyee.dicom.data.Attributes;
import org.harmonyee.dicom.net.dimse.DimseException;

import java.nio.file.Path;
import java.util.List;

/**
 * The Query/Retrieve C-GET and C-MOVE SCP handler (PS3.4 C.4.2, C.4.3): says which stored PS3.10
 * files an identifier selects; the framework then performs the C-STORE sub-operations (on the same
 * association for C-GET, to the destination AE for C-MOVE), sends the pending counters, and the
 * final status. Run on an Executor thread.
 */
@FunctionalInterface
public interface RetrieveScp {

    /**
     * @throws DimseException to refuse with its status (A701, A900 identifier does not match SOP
     *                        class, C000 unable to process...) and ErrorComment
     */
    List<Path> retrieve(ScpContext context, Attributes identifier) throws DimseException;
}

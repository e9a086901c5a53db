package org.harmonyee.services.dicomweb;

import org.harmonyee.dicom.data.Attributes;
import org.harmonyee.dicom.data.Tag;
import org.harmonyee.dicom.io.DicomInputStream;
import org.harmonyee.dicom.io.FileMetaInformation;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * One instance of a STOW-RS request, as far as the gateway must know it before sending it on: the
 * SOP class and instance of its File Meta Information, and the study and series of its data set,
 * read from its first bytes (held back, then sent with the rest), never from the whole of it.
 *
 * @param sopClassUid    Media Storage SOP Class UID
 * @param sopInstanceUid Media Storage SOP Instance UID
 * @param studyUid       Study Instance UID of the data set, or null
 * @param seriesUid      Series Instance UID of the data set, or null
 * @param part10         the PS3.10 stream from its first byte, to be read once
 */
record StowInstance(String sopClassUid, String sopInstanceUid, String studyUid, String seriesUid,
                    InputStream part10) {

    /**
     * The most the attributes before the Series Instance UID may take: they are the patient, study
     * and series modules, a few KiB in any real instance.
     */
    static final int HEAD_LIMIT = 1 << 20;

    /**
     * @throws IOException when the part is no PS3.10 instance, lacks the UIDs of its File Meta
     *         Information, or its head exceeds {@value #HEAD_LIMIT} bytes
     */
    static StowInstance read(InputStream content) throws IOException {
        BufferedInputStream in = new BufferedInputStream(content, 64 * 1024);
        in.mark(2 * HEAD_LIMIT);
        DicomInputStream dicom = new DicomInputStream(in).memoryLimit(HEAD_LIMIT);
        FileMetaInformation meta = dicom.fileMetaInformation();
        if (meta == null || meta.mediaStorageSopClassUid() == null || meta.mediaStorageSopInstanceUid() == null
                || meta.transferSyntaxUid() == null) {
            throw new IOException("no File Meta Information with a Media Storage SOP Class UID, SOP Instance UID"
                    + " and Transfer Syntax UID");
        }
        Attributes head = dicom.readDataset(Tag.SeriesInstanceUID + 1);
        in.reset();
        return new StowInstance(meta.mediaStorageSopClassUid().strip(), meta.mediaStorageSopInstanceUid().strip(),
                head.getString(Tag.StudyInstanceUID), head.getString(Tag.SeriesInstanceUID), in);
    }
}

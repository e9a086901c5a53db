package org.harmonyee.services.dicomweb;

import com.fasterxml.jackson.databind.JsonNode;
import org.harmonyee.core.envelope.Result;
import org.harmonyee.core.error.GatewayException;
import org.harmonyee.core.error.ProblemType;
import org.harmonyee.dicom.data.Attributes;
import org.harmonyee.dicom.data.Tag;
import org.harmonyee.dicom.data.TagUtils;
import org.harmonyee.dicom.data.VR;
import org.harmonyee.dicom.io.DicomInputStream;
import org.harmonyee.dicom.json.BulkDataUris;
import org.harmonyee.dicom.uid.TransferSyntax;
import org.harmonyee.services.dimse.DimseRequests;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * The WADO-RS metadata of one retrieved instance: its data set as DICOM JSON up to the Pixel Data,
 * which is read past (so the C-STORE sub-operation completes) but never held, and named by a
 * BulkDataURI below the caller's base URL. Other binary values are small and stay inline.
 */
final class InstanceMetadata {

    /** The most one instance's attributes before its pixel data may take on the heap. */
    private static final long MEMORY_LIMIT = 64L << 20;

    private InstanceMetadata() {
    }

    /**
     * @param part    a C-GET result: a PS3.10 instance
     * @param baseUrl the service's URL as the caller reached it
     * @throws GatewayException 502 when the PACS sent an instance that cannot be read
     */
    static JsonNode of(Result part, String baseUrl) {
        String sopInstance = part.headers().first(DimseRequests.SOP_INSTANCE_UID_HEADER).orElse("?");
        try (InputStream in = part.body().open()) {
            DicomInputStream dicom = new DicomInputStream(in).memoryLimit(MEMORY_LIMIT);
            TransferSyntax syntax = dicom.transferSyntax();
            Attributes dataSet = dicom.readDataset(Tag.PixelData);
            in.transferTo(OutputStream.nullOutputStream());
            if (dataSet.contains(Tag.Rows) && dataSet.contains(Tag.BitsAllocated)) {
                VR vr = !syntax.isNative() || dataSet.getInt(Tag.BitsAllocated, 16) <= 8 ? VR.OB : VR.OW;
                dataSet.set(Tag.PixelData, vr, new byte[0]);
            }
            String instanceUrl = baseUrl + "/studies/" + dataSet.getString(Tag.StudyInstanceUID) + "/series/"
                    + dataSet.getString(Tag.SeriesInstanceUID) + "/instances/" + dataSet.getString(Tag.SOPInstanceUID);
            return DicomJsonAnswers.write(dataSet, pixelDataUri(instanceUrl));
        } catch (IOException e) {
            throw new GatewayException(ProblemType.BACKEND_UNREACHABLE, "instance " + sopInstance
                    + " from the PACS cannot be read: " + e.getMessage(), e);
        }
    }

    private static BulkDataUris pixelDataUri(String instanceUrl) {
        return (dataSet, element, length) -> element.tag() == Tag.PixelData && dataSet.parent() == null
                ? instanceUrl + "/bulkdata/" + TagUtils.toHex(Tag.PixelData) : null;
    }
}

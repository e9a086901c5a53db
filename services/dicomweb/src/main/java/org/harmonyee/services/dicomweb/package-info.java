/**
 * Service {@code dicomweb}: DICOMweb (PS3.18) at the gateway. The endpoint
 * ({@link org.harmonyee.services.dicomweb.DicomWebEndpoint}) serves a {@code path_prefix}; the
 * middleware {@code dicomweb_bridge} ({@link org.harmonyee.services.dicomweb.DicomWebBridge}, alias
 * {@code dicomweb}) is the protocol bridge: it reads the resource from the path
 * ({@link org.harmonyee.services.dicomweb.DicomWebResource}), turns a QIDO-RS search into a C-FIND
 * ({@link org.harmonyee.services.dicomweb.QidoRs}, {@link org.harmonyee.services.dicomweb.QidoQuery})
 * a WADO-RS retrieval into a C-GET ({@link org.harmonyee.services.dicomweb.WadoRs}) and a STOW-RS
 * upload into one C-STORE per instance ({@link org.harmonyee.services.dicomweb.StowRs}, the request
 * body's parts pulled as they arrive by core's {@link org.harmonyee.core.content.MultipartInput}), written in
 * the DIMSE envelope convention of {@code org.harmonyee.services.dimse} (protocol {@code dimse}, the
 * operation as method, the identifier as normalized DICOM JSON), and turns the backend's streamed
 * results into DICOMweb answers as they pass: matches into an {@code application/dicom+json} array,
 * C-GET parts into {@code multipart/related; type="application/dicom"} parts or, for
 * {@code /metadata}, into DICOM JSON with the Pixel Data as a BulkDataURI, or for {@code /frames} and
 * {@code /bulkdata/7FE00010} into frames ({@link org.harmonyee.services.dicomweb.PixelDataFrames}, the
 * one instance spooled to the storage path while its frames are sent), or for {@code /rendered} and
 * {@code /thumbnail} into JPEG or PNG images ({@link org.harmonyee.services.dicomweb.RenderedRs}, the
 * pixels rendered by the toolkit's {@code org.harmonyee.dicom.image}), and C-STORE outcomes into the
 * Store Instances Response.
 *
 * <p>The backend {@code dicomweb} ({@link org.harmonyee.services.dicomweb.DicomWebBackend}) is the
 * other way round: a pipeline whose backend is itself a DICOMweb server gets the same routes
 * ({@link org.harmonyee.services.dicomweb.DicomWebRoute}) passed to it over the {@code http}
 * backend's client, bodies streamed both ways, with the server's URLs in its DICOM JSON answers put
 * below the gateway's base while they stream ({@link org.harmonyee.services.dicomweb.DicomJsonUris},
 * {@link org.harmonyee.services.dicomweb.UpstreamUris}): a search's matches one result each
 * ({@link org.harmonyee.services.dicomweb.UpstreamMatches}), metadata and Store Instances Responses as
 * a rewritten byte stream ({@link org.harmonyee.services.dicomweb.RewrittenJsonStream}).
 *
 * <p><b>Why the bridge lives here and not in {@code middleware/}.</b> The bridge is a protocol
 * adapter: it knows DICOMweb's resources and media types, the DIMSE envelope convention
 * ({@code DimseRequests}) and the DICOM toolkit (keywords, VRs, PS3.10 parsing). The middleware
 * module must not touch protocols or services (ArchitectureTest forbids it any
 * {@code org.harmonyee.services} class), while a service module may build on another service
 * (as {@code fhir} builds on {@code http}) and may register middleware types through
 * {@code ServiceModule} like any other. So the bridge sits beside its endpoint, and a pipeline
 * names it like any middleware; everything after it (auth, transforms, the backend) sees DIMSE
 * envelopes and never learns that the door was DICOMweb.
 *
 * <p>Must not touch: the servlet layer or any Jakarta API; the {@code dicom} backend's association
 * handling (the bridge only writes envelopes and reads results); the {@code http} backend's
 * connections (the {@code dicomweb} backend extends it and sends through it); pixel decoding and
 * rendering (the toolkit's {@code image} module does them); transcoding, which is not built yet.
 */
package org.harmonyee.services.dicomweb;

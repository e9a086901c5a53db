/**
 * Service {@code dicom} (alias {@code dicom_scu}): the DICOM SCU backend. It performs C-ECHO,
 * C-FIND, C-GET, C-MOVE and C-STORE on a PACS with the DICOM toolkit ({@code harmony-dicom-net}),
 * each request on an association of its own (new, or kept idle from an earlier request to the same
 * target for the same contexts: {@link org.harmonyee.services.dimse.AssociationPool}), on a target of its pool ({@link org.harmonyee.services.dimse.DicomTargets},
 * probed by C-ECHO), and maps every failure to the gateway's problems
 * ({@link org.harmonyee.services.dimse.DimseStatusMapping}).
 *
 * <h2>The envelope convention for DIMSE requests</h2>
 * A DICOM door turns each DIMSE request into an envelope this way, and this backend reads it so
 * ({@link org.harmonyee.services.dimse.DimseRequests} holds the names):
 * <ul>
 * <li>metadata {@code protocol} = {@code dimse};</li>
 * <li>the method is the operation: {@code C-ECHO}, {@code C-FIND}, {@code C-GET}, {@code C-MOVE},
 *     {@code C-STORE};</li>
 * <li>metadata {@code dimse.affected_sop_class} (the Q/R information model of C-FIND, C-GET and
 *     C-MOVE, or the storage class of C-STORE), {@code dimse.priority} ({@code LOW}, {@code MEDIUM},
 *     {@code HIGH}; absent is MEDIUM), {@code dimse.calling_aet} and {@code dimse.called_aet} (the door's
 *     association, informational: the backend calls the PACS as its own {@code local_aet}), and for
 *     C-MOVE {@code dimse.move_destination};</li>
 * <li>the identifier of C-FIND, C-GET and C-MOVE is the request's normalized JSON, in PS3.18 DICOM
 *     JSON; a missing Query/Retrieve Level is inferred from the unique keys present, and without
 *     {@code dimse.affected_sop_class} the model is Study Root, Patient Root at PATIENT level;</li>
 * <li>the body of C-STORE is the instance as a PS3.10 stream (File Meta Information first),
 *     Content-Type {@code application/dicom}; it is read once, as it is sent, never held whole.</li>
 * </ul>
 * The answers, all status 200 unless the PACS failed:
 * <ul>
 * <li>C-ECHO: empty; {@code dimse.status} in the response metadata.</li>
 * <li>C-FIND: a streaming response ({@code application/dicom+json}) whose results are the matches as
 *     DICOM JSON, pulled from the PACS as they arrive through a bounded queue; closing the results
 *     before their end sends C-CANCEL and releases the association; a failure status mid-way is a
 *     {@code GatewayException} from {@code next()}. {@code dimse.status} is set before the end.</li>
 * <li>C-GET: a streaming response ({@code multipart/related; type="application/dicom"}) whose results
 *     are parts with headers {@code Content-Type: application/dicom}, {@code DICOM-SOP-Class-UID},
 *     {@code DICOM-SOP-Instance-UID}, {@code DICOM-Transfer-Syntax-UID} and the instance as a PS3.10
 *     stream (File Meta Information, then the data set as the PACS sent it). Each C-STORE
 *     sub-operation is answered only once its instance has been read (0110 if the consumer dropped
 *     it), so one instance at most, and 128 KiB of it, is on its way; pulling the next result drops
 *     an unread one. Before the end is returned, the metadata holds {@code dimse.status},
 *     {@code dimse.completed}, {@code dimse.failed}, {@code dimse.warning}. Closing early aborts the
 *     association. A consumer that reads nothing for {@code dimse_timeout_ms} loses the association.</li>
 * <li>C-MOVE: empty, the status and counters in the metadata; the PACS must know the destination.</li>
 * <li>C-STORE: empty, {@code dimse.status} 0000 or the PACS's warning (B000, B006, B007).</li>
 * </ul>
 *
 * <h2>Move mode</h2>
 * With {@code dimse_retrieve_mode = "move"} and {@code incoming_store_port}, every retrieve (a
 * DICOM door's C-GET and C-MOVE, an HTTP door's get) is a C-MOVE to the backend's own
 * {@link org.harmonyee.services.dimse.MoveDestinationScp}, and its instances are answered exactly
 * as a C-GET's above: the envelope convention does not change with the mode. With
 * {@code dimse_retrieve_mode = "get_or_move"} every retrieve is a C-GET, and one the PACS refuses
 * before sending anything ({@link org.harmonyee.services.dimse.RefusedGet}) goes on as that C-MOVE
 * on another association, unseen by the consumer.
 *
 * <h2>Requests from HTTP doors</h2>
 * Any other request (metadata {@code protocol} = {@code http}) is answered in the Rust Harmony's
 * JSON shapes, as {@link org.harmonyee.services.dimse.HttpDoorRequests} describes: the operation
 * from {@code dimse_op}, the path's last segment or {@code dimse_retrieve_mode}; the identifier from
 * {@code dimse_identifier}, a wrapper's {@code identifier} or the raw DICOM JSON; C-GET writes into
 * {@code <storage path>/dimse/<folder_id>/}.
 *
 * <h2>mock_dicom</h2>
 * Service {@code mock_dicom} ({@link org.harmonyee.services.dimse.MockDicomBackend}) is this backend
 * calling a PACS of its own: the toolkit's folder archive, served on 127.0.0.1 (a free port) as
 * {@code MOCK_PACS} by {@link org.harmonyee.services.dimse.MockPacs}, holding a fresh copy of the
 * bundled sample CT study ({@link org.harmonyee.services.dimse.MockStudy}) under
 * {@code <storage path>/mock_dicom/<backend name>/}. Nothing of the DIMSE handling is duplicated:
 * both doors' requests are answered as with a real PACS.
 *
 * <p>Must not touch: the DICOM door, the gateway's SCP side or resource adapter (they build on the convention
 * above); the servlet layer; any Jakarta API.
 */
package org.harmonyee.services.dimse;

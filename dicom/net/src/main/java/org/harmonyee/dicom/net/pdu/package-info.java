/**
 * The PS3.8 upper-layer protocol data units and their binary encoding: A-ASSOCIATE-RQ/AC/RJ with
 * their items (application context, presentation contexts, user information: maximum length,
 * implementation class UID and version name, asynchronous operations window, SCP/SCU role
 * selection, extended and common extended negotiation, user identity), P-DATA-TF and its PDVs,
 * A-RELEASE-RQ/RP and A-ABORT. Reading is bounded: a declared length never allocates more than the
 * configured limit, and anything malformed is a {@link org.harmonyee.dicom.net.pdu.PduException}
 * that says which A-ABORT to send. This package knows nothing of sockets, threads or DIMSE.
 */
package org.harmonyee.dicom.net.pdu;

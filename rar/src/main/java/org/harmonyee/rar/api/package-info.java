/**
 * What the gateway implements and uses to receive DICOM through the resource adapter: the message
 * listener {@link org.harmonyee.rar.api.DicomMessageListener} (an association-level decision, then
 * one call per DIMSE request), the request and responder it is given, and their value types.
 *
 * <p>Owns: the contract between the adapter and the message-driven bean. Every signature uses JDK
 * types only (String, InputStream, enums and records of this package), because this package is the
 * one thing both sides load, from exactly one class loader: the adapter's own archive. DICOM data
 * crosses as PS3.18 JSON text or as an encoded data set stream, never as a toolkit object.
 *
 * <p>Must not touch: the DICOM toolkit, the gateway core, or any Jakarta API.
 */
package org.harmonyee.rar.api;

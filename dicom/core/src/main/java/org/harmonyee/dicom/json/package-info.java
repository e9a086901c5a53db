/**
 * DICOM JSON (PS3.18 Annex F), both directions: a streaming writer on Jackson's JsonGenerator (a
 * large study's metadata need not be built in memory) and a reader into
 * {@link org.harmonyee.dicom.data.Attributes}. Binary values are InlineBinary (base64) or
 * BulkDataURI, through a pluggable {@link org.harmonyee.dicom.json.BulkDataUris}.
 */
package org.harmonyee.dicom.json;

/**
 * Specific Character Set (0008,0005): decoding and encoding of text values for the single-byte
 * ISO_IR sets, ISO_IR 192 (UTF-8), GB18030/GBK, and ISO 2022 code extensions as far as Java's
 * charsets carry them.
 */
package org.harmonyee.dicom.charset;

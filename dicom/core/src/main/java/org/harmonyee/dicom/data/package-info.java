/**
 * The DICOM data model (PS3.5): datasets ({@link org.harmonyee.dicom.data.Attributes}) holding
 * elements in tag order, value representations, sequences of items, encapsulated pixel data as
 * fragments, bulk data by reference, person names. Values are kept as their encoded bytes
 * (little endian, in the dataset's character set) and decoded on access.
 *
 * <p>Must not touch: streams and files (see {@code io}), JSON (see {@code json}).
 */
package org.harmonyee.dicom.data;

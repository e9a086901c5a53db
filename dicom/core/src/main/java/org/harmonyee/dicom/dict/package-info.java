/**
 * The PS3.6 data dictionary (tag, keyword, VR, VM, retired; repeating groups 50xx/60xx/7Fxx and
 * element ranges included) with keyword ↔ tag lookups ({@link org.harmonyee.dicom.dict.ElementDictionary}),
 * and the UID registry with UID ↔ keyword lookups ({@link org.harmonyee.dicom.dict.UidDictionary}),
 * loaded once from the resources that {@code src/build/generate_dictionary.py} generates from
 * DCMTK's dicom.dic and pydicom's UID table.
 */
package org.harmonyee.dicom.dict;

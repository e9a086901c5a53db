/**
 * The PS3.6 data dictionary (tag, keyword, VR, VM, retired; repeating groups 50xx/60xx/7Fxx and
 * element ranges included) and keyword ↔ tag lookups, loaded once from the resource that
 * {@code src/build/generate_dictionary.py} generates from DCMTK's dicom.dic.
 */
package org.harmonyee.dicom.dict;

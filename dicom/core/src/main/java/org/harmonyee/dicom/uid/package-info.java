/**
 * The UID registry ({@link org.harmonyee.dicom.uid.UID}, generated) and transfer syntaxes with the
 * encoding facts readers and writers need.
 */
package org.harmonyee.dicom.uid;

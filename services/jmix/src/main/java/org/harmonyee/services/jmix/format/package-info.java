/**
 * The JMIX package format (JMIX 1.0 as the reference implementation jmix-rs writes it, with the
 * project's decisions of issue 16): a zip holding {@code manifest.json}, {@code audit.json},
 * {@code payload/metadata.json}, {@code payload/files.json} and {@code payload/dicom/*.dcm} at its
 * root, valid against the four published JSON Schemas.
 *
 * <p>{@link org.harmonyee.services.jmix.format.PackageWriter} writes a package while the DICOM
 * instances arrive: each goes straight into the zip, SHA-256 hashed on the fly (its own hash for
 * {@code files.json} and the running {@code payload_hash}); the JSON files follow the last instance.
 * {@link org.harmonyee.services.jmix.format.UploadValidator} checks a package someone else wrote
 * (entry names, zip-bomb limits, the JSON files, every hash, the manifest's signatures) before
 * anything is stored. With {@link org.harmonyee.services.jmix.format.PackageSecurity} the writer
 * encrypts the payload into {@code payload.enc} and signs the manifest (the keys' work is the
 * {@code crypto} package's); {@link org.harmonyee.services.jmix.format.PayloadDecryptor} is the
 * recipient's side.
 *
 * <p>Must not touch: envelopes, pipelines, the network or the package store; this package knows
 * bytes, paths and JSON only (and reads DICOM headers with the toolkit).
 */
package org.harmonyee.services.jmix.format;

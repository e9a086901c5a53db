/**
 * Where packages live: {@code store_dir} holding one {@code <id>.zip} per package, written under a
 * temporary name ({@code .<random>.tmp}) and moved into place atomically, so a reader never sees
 * half a package and nothing half-written survives a failure or a restart
 * ({@link org.harmonyee.services.jmix.store.PackageStore}); and the index from package id and
 * StudyInstanceUID to package ({@link org.harmonyee.services.jmix.store.PackageIndex}).
 *
 * <p>Must not touch: envelopes, pipelines or the network; the package format beyond reading a
 * stored package's study (the {@code format} package owns it).
 */
package org.harmonyee.services.jmix.store;

/**
 * The {@code jmix} service's package index kept in the server's database
 * ({@link org.harmonyee.server.jmix.JpaPackageIndex}): one row per stored package in table
 * {@code JMIX_PACKAGE} of the persistence unit {@code harmony}, on the default datasource
 * ({@code java:comp/DefaultDataSource}) unless the deployment maps it elsewhere. Handed to the
 * service as the host service {@link org.harmonyee.services.jmix.store.PackageIndex} by the
 * lifecycle; index writes are its only transactional work.
 *
 * <p>Must not touch: the zips or the store's folder (the service's {@code store} package does its
 * file I/O outside any transaction); requests, pipelines or the package format.
 */
package org.harmonyee.server.jmix;

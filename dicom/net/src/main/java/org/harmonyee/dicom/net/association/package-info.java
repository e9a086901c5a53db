/**
 * Associations (PS3.8): the requestor that opens one ({@link org.harmonyee.dicom.net.association.AssociationRequestor}),
 * the acceptor that listens, limits and negotiates ({@link org.harmonyee.dicom.net.association.AssociationAcceptor},
 * {@link org.harmonyee.dicom.net.association.Negotiator}, with the
 * {@link org.harmonyee.dicom.net.association.UserIdentityVerifier} hook for User Identity
 * Negotiation), and the running
 * {@link org.harmonyee.dicom.net.association.Association}: one reader per association, DIMSE
 * messages framed into P-DATA-TF, release, abort and the timers (ARTIM, request/accept, DIMSE
 * response, idle). Every socket has TCP_NODELAY. Threads come from the caller's Executor. It moves
 * commands and data sets; what a command means belongs to the service package.
 */
package org.harmonyee.dicom.net.association;

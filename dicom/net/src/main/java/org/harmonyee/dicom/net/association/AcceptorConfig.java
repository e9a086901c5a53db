package org.harmonyee.dicom.net.association;

import org.harmonyee.dicom.net.tls.DicomTls;

import java.util.Set;

/**
 * How an acceptor listens and whom it accepts: bind address and port (0: any free port), the
 * called AE titles it answers to and the calling AE titles it accepts (empty: any), the transfer
 * capabilities, the concurrent association limit, the association settings, TLS (null: plain TCP),
 * and User Identity Negotiation: the verifier of a requestor's identity (null: every identity is
 * accepted unverified and none is answered, as PS3.7 D.3.3.7 allows an acceptor that does not
 * support it) and whether an A-ASSOCIATE-RQ without one is rejected.
 */
public record AcceptorConfig(String bindAddress, int port, Set<String> calledAETitles, Set<String> callingAETitles,
                             TransferCapabilities capabilities, int maxAssociations, AssociationSettings settings,
                             DicomTls tls, UserIdentityVerifier userIdentityVerifier, boolean userIdentityRequired) {

    public static final int DEFAULT_MAX_ASSOCIATIONS = 50;

    public AcceptorConfig {
        calledAETitles = Set.copyOf(calledAETitles);
        callingAETitles = Set.copyOf(callingAETitles);
        if (maxAssociations < 1) {
            throw new IllegalArgumentException("maxAssociations: expected at least 1, got " + maxAssociations);
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port: expected 0-65535, got " + port);
        }
        if (userIdentityRequired && userIdentityVerifier == null) {
            throw new IllegalArgumentException("userIdentityRequired: a required user identity needs a userIdentityVerifier");
        }
    }

    /** Without User Identity Negotiation: every requestor is accepted whatever identity it sends. */
    public AcceptorConfig(String bindAddress, int port, Set<String> calledAETitles, Set<String> callingAETitles,
                          TransferCapabilities capabilities, int maxAssociations, AssociationSettings settings,
                          DicomTls tls) {
        this(bindAddress, port, calledAETitles, callingAETitles, capabilities, maxAssociations, settings, tls, null,
                false);
    }

    /** Loopback, a free port, the given AE title, any caller, the default capabilities. */
    public static AcceptorConfig loopback(String aeTitle) {
        return new AcceptorConfig("127.0.0.1", 0, Set.of(aeTitle), Set.of(), TransferCapabilities.defaults(),
                DEFAULT_MAX_ASSOCIATIONS, AssociationSettings.DEFAULT, null);
    }

    public AcceptorConfig withMaxAssociations(int value) {
        return new AcceptorConfig(bindAddress, port, calledAETitles, callingAETitles, capabilities, value, settings, tls,
                userIdentityVerifier, userIdentityRequired);
    }

    public AcceptorConfig withCallingAETitles(Set<String> value) {
        return new AcceptorConfig(bindAddress, port, calledAETitles, value, capabilities, maxAssociations, settings, tls,
                userIdentityVerifier, userIdentityRequired);
    }

    public AcceptorConfig withSettings(AssociationSettings value) {
        return new AcceptorConfig(bindAddress, port, calledAETitles, callingAETitles, capabilities, maxAssociations, value,
                tls, userIdentityVerifier, userIdentityRequired);
    }

    public AcceptorConfig withCapabilities(TransferCapabilities value) {
        return new AcceptorConfig(bindAddress, port, calledAETitles, callingAETitles, value, maxAssociations, settings,
                tls, userIdentityVerifier, userIdentityRequired);
    }

    public AcceptorConfig withTls(DicomTls value) {
        return new AcceptorConfig(bindAddress, port, calledAETitles, callingAETitles, capabilities, maxAssociations,
                settings, value, userIdentityVerifier, userIdentityRequired);
    }

    /**
     * @param verifier checks each User Identity sub-item; null turns User Identity Negotiation off
     * @param required whether an A-ASSOCIATE-RQ without a User Identity sub-item is rejected
     */
    public AcceptorConfig withUserIdentity(UserIdentityVerifier verifier, boolean required) {
        return new AcceptorConfig(bindAddress, port, calledAETitles, callingAETitles, capabilities, maxAssociations,
                settings, tls, verifier, required);
    }
}

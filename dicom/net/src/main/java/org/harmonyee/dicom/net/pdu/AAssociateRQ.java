package org.harmonyee.dicom.net.pdu;

import java.util.ArrayList;
import java.util.List;

/** A-ASSOCIATE-RQ (PS3.8 9.3.2): adds common extended negotiation and user identity to the shared items. */
public final class AAssociateRQ extends AAssociate {

    private final List<CommonExtendedNegotiation> commonExtendedNegotiations = new ArrayList<>();
    private UserIdentity userIdentity;

    public List<CommonExtendedNegotiation> commonExtendedNegotiations() {
        return List.copyOf(commonExtendedNegotiations);
    }

    public void addCommonExtendedNegotiation(CommonExtendedNegotiation negotiation) {
        commonExtendedNegotiations.add(negotiation);
    }

    /** The user identity, or null. */
    public UserIdentity userIdentity() {
        return userIdentity;
    }

    public void userIdentity(UserIdentity identity) {
        this.userIdentity = identity;
    }

    /** The lowest odd id not yet used, for the next proposed context. */
    public int nextPresentationContextId() {
        for (int id = 1; id <= 255; id += 2) {
            if (presentationContext(id) == null) {
                return id;
            }
        }
        throw new IllegalStateException("all 128 presentation context ids are used");
    }
}

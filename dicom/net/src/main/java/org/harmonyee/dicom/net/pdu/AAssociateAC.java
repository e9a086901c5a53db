package org.harmonyee.dicom.net.pdu;

/** A-ASSOCIATE-AC (PS3.8 9.3.3): the shared items, with the user identity server response. */
public final class AAssociateAC extends AAssociate {

    private byte[] userIdentityServerResponse;

    /** The server response to a user identity that asked for one, or null when the sub-item is absent. */
    public byte[] userIdentityServerResponse() {
        return userIdentityServerResponse == null ? null : userIdentityServerResponse.clone();
    }

    public void userIdentityServerResponse(byte[] response) {
        this.userIdentityServerResponse = response == null ? null : response.clone();
    }
}

package org.harmonyee.dicom.net.pdu;

import java.nio.charset.StandardCharsets;

/**
 * User Identity Negotiation sub-item of an A-ASSOCIATE-RQ (PS3.7 D.3.3.7): the type (1 username,
 * 2 username and passcode, 3 Kerberos, 4 SAML, 5 JWT), whether a positive response is requested,
 * and the primary and secondary fields. Its {@code toString} never shows the fields: they are secrets.
 */
public record UserIdentity(int type, boolean positiveResponseRequested, byte[] primaryField, byte[] secondaryField) {

    public static final int USERNAME = 1;
    public static final int USERNAME_AND_PASSCODE = 2;
    public static final int KERBEROS = 3;
    public static final int SAML = 4;
    public static final int JWT = 5;

    public UserIdentity {
        primaryField = primaryField.clone();
        secondaryField = secondaryField == null ? new byte[0] : secondaryField.clone();
    }

    /** A username alone (type 1), UTF-8. */
    public static UserIdentity username(String username, boolean positiveResponseRequested) {
        return new UserIdentity(USERNAME, positiveResponseRequested, username.getBytes(StandardCharsets.UTF_8), null);
    }

    /** A username and passcode (type 2), both UTF-8. */
    public static UserIdentity usernameAndPasscode(String username, String passcode, boolean positiveResponseRequested) {
        return new UserIdentity(USERNAME_AND_PASSCODE, positiveResponseRequested, username.getBytes(StandardCharsets.UTF_8),
                passcode.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public byte[] primaryField() {
        return primaryField.clone();
    }

    @Override
    public byte[] secondaryField() {
        return secondaryField.clone();
    }

    @Override
    public String toString() {
        return "UserIdentity[type=" + type + ", positiveResponseRequested=" + positiveResponseRequested + "]";
    }
}

package org.harmonyee.dicom.net.association;

import org.harmonyee.dicom.net.pdu.UserIdentity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.Map;

/**
 * {@link UserIdentityVerifier#passcodes}: keeps a SHA-256 digest of each passcode, never the
 * passcode, and compares the digest of the one offered with {@link MessageDigest#isEqual} (constant
 * time, and equal-length inputs whatever the passcodes' lengths). An unknown username is compared
 * with a digest nobody matches, so that it takes as long as a wrong passcode.
 */
final class PasscodeTable implements UserIdentityVerifier {

    private static final byte[] NOBODY = digest(new byte[] {0});

    private final Map<String, byte[]> digests = new HashMap<>();

    PasscodeTable(Map<String, String> passcodes) {
        passcodes.forEach((user, passcode) -> digests.put(user, digest(passcode.getBytes(StandardCharsets.UTF_8))));
    }

    @Override
    public Verdict verify(UserIdentity identity, String callingAETitle, String calledAETitle) {
        if (identity.type() != UserIdentity.USERNAME_AND_PASSCODE) {
            return Verdict.reject();
        }
        String user = new String(identity.primaryField(), StandardCharsets.UTF_8);
        byte[] expected = digests.getOrDefault(user, NOBODY);
        boolean match = MessageDigest.isEqual(expected, digest(identity.secondaryField()));
        return match && expected != NOBODY ? Verdict.accept() : Verdict.reject();
    }

    private static byte[] digest(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}

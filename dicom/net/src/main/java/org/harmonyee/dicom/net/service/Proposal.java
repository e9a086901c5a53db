package org.harmonyee.dicom.net.service;

import org.harmonyee.dicom.io.FileMetaInformation;
import org.harmonyee.dicom.net.pdu.AAssociateRQ;
import org.harmonyee.dicom.net.pdu.PresentationContext;
import org.harmonyee.dicom.net.pdu.RoleSelection;
import org.harmonyee.dicom.net.pdu.UserIdentity;
import org.harmonyee.dicom.uid.UID;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The presentation contexts (and role selections) an SCU proposes. Each {@link #add} is one
 * context; at most 128 fit in an association.
 */
public final class Proposal {

    private final List<Map.Entry<String, List<String>>> contexts = new ArrayList<>();
    private final Map<String, RoleSelection> roles = new LinkedHashMap<>();
    private UserIdentity userIdentity;

    public static Proposal verification() {
        return new Proposal().add(UID.Verification, UID.ExplicitVRLittleEndian, UID.ImplicitVRLittleEndian);
    }

    /**
     * One context per SOP class and transfer syntax of the files (read from their File Meta
     * Information), so that each is sent as stored.
     */
    public static Proposal storage(Collection<Path> files) throws IOException {
        Map<String, Set<String>> syntaxes = new LinkedHashMap<>();
        for (Path file : files) {
            FileMetaInformation meta = FileMetaInformation.read(file);
            syntaxes.computeIfAbsent(meta.mediaStorageSopClassUid(), k -> new LinkedHashSet<>())
                    .add(meta.transferSyntaxUid());
        }
        Proposal proposal = new Proposal();
        syntaxes.forEach((sopClass, transferSyntaxes) -> transferSyntaxes.forEach(ts -> proposal.add(sopClass, ts)));
        return proposal;
    }

    /**
     * A C-GET proposal: the retrieve model, then one context per storage class and transfer syntax,
     * in the given order (an SCP such as dcmqrscp sends every instance of a class in the first
     * context accepted for it), with the SCP role for each storage class.
     */
    public static Proposal retrieve(String model, Map<String, ? extends Collection<String>> syntaxesByStorageClass) {
        Proposal proposal = new Proposal().add(model, UID.ExplicitVRLittleEndian, UID.ImplicitVRLittleEndian);
        syntaxesByStorageClass.forEach((storage, transferSyntaxes) -> {
            transferSyntaxes.forEach(ts -> proposal.add(storage, ts));
            proposal.scpRole(storage);
        });
        return proposal;
    }

    /**
     * Adds, for every SOP class proposed, a context with the native syntaxes, so that an instance
     * whose own syntax is refused can still be sent converted.
     */
    public Proposal withNativeFallbacks() {
        Set<String> classes = new LinkedHashSet<>();
        contexts.forEach(context -> classes.add(context.getKey()));
        for (String sopClass : classes) {
            if (contexts.size() < 128) {
                add(sopClass, UID.ExplicitVRLittleEndian, UID.ImplicitVRLittleEndian);
            }
        }
        return this;
    }

    public Proposal add(String abstractSyntax, String... transferSyntaxes) {
        if (contexts.size() == 128) {
            throw new IllegalStateException("an association has at most 128 presentation contexts");
        }
        contexts.add(Map.entry(abstractSyntax, List.of(transferSyntaxes)));
        return this;
    }

    /** Proposes that this side act as SCP (not SCU) of {@code sopClass}: C-GET needs it for the storage classes. */
    public Proposal scpRole(String sopClass) {
        roles.put(sopClass, new RoleSelection(sopClass, false, true));
        return this;
    }

    /**
     * Sends {@code identity} in the User Identity sub-item (PS3.7 D.3.3.7); the acceptor's server
     * response, when one was requested and given, is {@code association().associateAC().userIdentityServerResponse()}.
     */
    public Proposal userIdentity(UserIdentity identity) {
        this.userIdentity = identity;
        return this;
    }

    public boolean isEmpty() {
        return contexts.isEmpty();
    }

    AAssociateRQ toRequest(String callingAETitle, String calledAETitle) {
        AAssociateRQ rq = new AAssociateRQ();
        rq.callingAETitle(callingAETitle);
        rq.calledAETitle(calledAETitle);
        for (Map.Entry<String, List<String>> context : contexts) {
            rq.addPresentationContext(PresentationContext.proposed(rq.nextPresentationContextId(), context.getKey(),
                    context.getValue()));
        }
        roles.values().forEach(rq::addRoleSelection);
        rq.userIdentity(userIdentity);
        return rq;
    }
}

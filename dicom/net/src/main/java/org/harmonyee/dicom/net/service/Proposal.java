package org.harmonyee.dicom.net.service;

import org.harmonyee.dicom.net.pdu.AAssociateRQ;
import org.harmonyee.dicom.net.pdu.PresentationContext;
import org.harmonyee.dicom.net.pdu.RoleSelection;
import org.harmonyee.dicom.uid.UID;

import java.util.ArrayList;
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

    public static Proposal verification() {
        return new Proposal().add(UID.Verification, UID.ExplicitVRLittleEndian, UID.ImplicitVRLittleEndian);
    }

    public Proposal add(String abstractSyntax, String... transferSyntaxes) {
        if (contexts.size() == 128) {
            throw new IllegalStateException("an association has at most 128 presentation contexts");
        }
        contexts.add(Map.entry(abstractSyntax, List.of(transferSyntaxes)));
        return this;
    }

    /** Proposes that this side also act as SCP of {@code sopClass} (C-GET needs it for the storage classes). */
    public Proposal scpRole(String sopClass) {
        roles.put(sopClass, new RoleSelection(sopClass, true, true));
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
        return rq;
    }
}

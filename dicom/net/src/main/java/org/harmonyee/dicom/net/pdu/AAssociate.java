package org.harmonyee.dicom.net.pdu;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What A-ASSOCIATE-RQ and A-ASSOCIATE-AC share (PS3.8 9.3.2, 9.3.3): AE titles, application
 * context, presentation contexts, and the user information items.
 */
public abstract sealed class AAssociate permits AAssociateRQ, AAssociateAC {

    /** The DICOM application context name, the only one defined (PS3.7 A.2.1). */
    public static final String DICOM_APPLICATION_CONTEXT = "1.2.840.10008.3.1.1.1";

    private String callingAETitle = "";
    private String calledAETitle = "";
    private String applicationContext = DICOM_APPLICATION_CONTEXT;
    private final Map<Integer, PresentationContext> presentationContexts = new LinkedHashMap<>();
    private long maxLength;
    private String implementationClassUid = "";
    private String implementationVersionName;
    private int maxOperationsInvoked = 1;
    private int maxOperationsPerformed = 1;
    private boolean asyncOperationsWindow;
    private final Map<String, RoleSelection> roleSelections = new LinkedHashMap<>();
    private final Map<String, ExtendedNegotiation> extendedNegotiations = new LinkedHashMap<>();

    public String callingAETitle() {
        return callingAETitle;
    }

    public void callingAETitle(String title) {
        this.callingAETitle = checkAETitle(title);
    }

    public String calledAETitle() {
        return calledAETitle;
    }

    public void calledAETitle(String title) {
        this.calledAETitle = checkAETitle(title);
    }

    private static String checkAETitle(String title) {
        String trimmed = title.strip();
        if (trimmed.isEmpty() || trimmed.length() > 16) {
            throw new IllegalArgumentException("an AE title has 1-16 characters: \"" + title + "\"");
        }
        return trimmed;
    }

    public String applicationContext() {
        return applicationContext;
    }

    public void applicationContext(String uid) {
        this.applicationContext = uid;
    }

    public Collection<PresentationContext> presentationContexts() {
        return List.copyOf(presentationContexts.values());
    }

    public PresentationContext presentationContext(int id) {
        return presentationContexts.get(id);
    }

    public void addPresentationContext(PresentationContext context) {
        if (presentationContexts.putIfAbsent(context.id(), context) != null) {
            throw new IllegalArgumentException("presentation context id " + context.id() + " used twice");
        }
    }

    /** Maximum length of the variable field of P-DATA-TF PDUs the sender can receive; 0 is unlimited. */
    public long maxLength() {
        return maxLength;
    }

    public void maxLength(long value) {
        this.maxLength = value;
    }

    public String implementationClassUid() {
        return implementationClassUid;
    }

    public void implementationClassUid(String uid) {
        this.implementationClassUid = uid;
    }

    /** The implementation version name, or null when the sub-item is absent. */
    public String implementationVersionName() {
        return implementationVersionName;
    }

    public void implementationVersionName(String name) {
        this.implementationVersionName = name;
    }

    /** Whether the Asynchronous Operations Window sub-item is present. */
    public boolean hasAsyncOperationsWindow() {
        return asyncOperationsWindow;
    }

    public int maxOperationsInvoked() {
        return maxOperationsInvoked;
    }

    public int maxOperationsPerformed() {
        return maxOperationsPerformed;
    }

    public void asyncOperationsWindow(int invoked, int performed) {
        this.asyncOperationsWindow = true;
        this.maxOperationsInvoked = invoked;
        this.maxOperationsPerformed = performed;
    }

    public Collection<RoleSelection> roleSelections() {
        return List.copyOf(roleSelections.values());
    }

    public RoleSelection roleSelection(String sopClassUid) {
        return roleSelections.get(sopClassUid);
    }

    public void addRoleSelection(RoleSelection selection) {
        roleSelections.put(selection.sopClassUid(), selection);
    }

    public Collection<ExtendedNegotiation> extendedNegotiations() {
        return new ArrayList<>(extendedNegotiations.values());
    }

    public ExtendedNegotiation extendedNegotiation(String sopClassUid) {
        return extendedNegotiations.get(sopClassUid);
    }

    public void addExtendedNegotiation(ExtendedNegotiation negotiation) {
        extendedNegotiations.put(negotiation.sopClassUid(), negotiation);
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + callingAETitle + "->" + calledAETitle + ", contexts="
                + presentationContexts.values() + ", maxLength=" + maxLength + ", implementation="
                + implementationClassUid + " " + implementationVersionName + ", roles=" + roleSelections.values() + "]";
    }
}

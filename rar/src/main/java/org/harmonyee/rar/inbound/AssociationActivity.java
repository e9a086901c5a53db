package org.harmonyee.rar.inbound;

import org.harmonyee.dicom.net.association.Association;
import org.harmonyee.dicom.net.dimse.Command;
import org.harmonyee.dicom.net.dimse.CommandField;
import org.harmonyee.rar.api.OpenAssociation;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * What each association of one listener has asked so far: its DIMSE requests counted by operation,
 * kept while the association is open (entries of closed associations go at the next snapshot).
 */
final class AssociationActivity {

    private final String network;
    private final boolean tls;
    private final Map<Association, Map<String, LongAdder>> requests = new ConcurrentHashMap<>();

    AssociationActivity(String network, boolean tls) {
        this.network = network;
        this.tls = tls;
    }

    void record(Association association, Command request) {
        requests.computeIfAbsent(association, any -> new ConcurrentHashMap<>())
                .computeIfAbsent(operation(request), any -> new LongAdder()).increment();
    }

    /** The open associations, with what they asked. */
    List<OpenAssociation> snapshot(List<Association> open) {
        requests.keySet().retainAll(open);
        return open.stream().map(association -> new OpenAssociation(network, association.name(),
                association.remoteAETitle(), association.localAETitle(), address(association), tls,
                association.openedAt(), counts(requests.get(association)))).toList();
    }

    private static Map<String, Long> counts(Map<String, LongAdder> counters) {
        Map<String, Long> counts = new TreeMap<>();
        if (counters != null) {
            counters.forEach((operation, count) -> counts.put(operation, count.sum()));
        }
        return counts;
    }

    private static String address(Association association) {
        return association.remoteAddress().getAddress().getHostAddress() + ":" + association.remoteAddress().getPort();
    }

    /** {@code C-FIND} for a C-FIND-RQ: the command field's name without its suffix. */
    private static String operation(Command request) {
        String field = CommandField.name(request.commandField());
        return field.endsWith("-RQ") ? field.substring(0, field.length() - 3) : field;
    }
}

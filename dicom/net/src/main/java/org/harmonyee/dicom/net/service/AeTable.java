package org.harmonyee.dicom.net.service;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The AE titles a C-MOVE may name as destination, with where they listen (host, port, TLS). Immutable. */
public final class AeTable {

    private final Map<String, RemoteAE> entries;

    public AeTable(Map<String, RemoteAE> entries) {
        this.entries = Map.copyOf(entries);
    }

    public static AeTable of(RemoteAE... remotes) {
        Map<String, RemoteAE> map = new HashMap<>();
        for (RemoteAE remote : remotes) {
            map.put(remote.aeTitle(), remote);
        }
        return new AeTable(map);
    }

    public Optional<RemoteAE> lookup(String aeTitle) {
        return aeTitle == null ? Optional.empty() : Optional.ofNullable(entries.get(aeTitle.strip()));
    }
}

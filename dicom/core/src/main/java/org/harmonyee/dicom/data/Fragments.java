package org.harmonyee.dicom.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Encapsulated pixel data (PS3.5 A.4): the basic offset table (the first item, possibly empty)
 * and the fragments, each as bytes or as a {@link BulkData} reference.
 */
public final class Fragments {

    private final VR vr;
    private final List<Object> items = new ArrayList<>();

    public Fragments(VR vr) {
        this.vr = vr;
    }

    public VR vr() {
        return vr;
    }

    /** Adds an item: {@code byte[]} or {@link BulkData}. The first item is the basic offset table. */
    public void add(Object item) {
        if (!(item instanceof byte[]) && !(item instanceof BulkData)) {
            throw new IllegalArgumentException("a fragment is byte[] or BulkData");
        }
        items.add(item);
    }

    public List<Object> items() {
        return Collections.unmodifiableList(items);
    }

    public int size() {
        return items.size();
    }
}

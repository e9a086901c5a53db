package org.harmonyee.dicom.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;

/** The items of an SQ element, each a dataset whose parent is the dataset holding the sequence. */
public final class Sequence implements Iterable<Attributes> {

    private final Attributes parent;
    private final List<Attributes> items = new ArrayList<>();

    Sequence(Attributes parent) {
        this.parent = parent;
    }

    /** Appends a new, empty item and returns it. */
    public Attributes addItem() {
        Attributes item = new Attributes(parent);
        items.add(item);
        return item;
    }

    public Attributes get(int index) {
        return items.get(index);
    }

    public int size() {
        return items.size();
    }

    public boolean isEmpty() {
        return items.isEmpty();
    }

    public List<Attributes> items() {
        return Collections.unmodifiableList(items);
    }

    @Override
    public Iterator<Attributes> iterator() {
        return items().iterator();
    }
}

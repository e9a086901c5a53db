package org.harmonyee.dicom.tool;

import org.harmonyee.dicom.data.Attributes;
import org.harmonyee.dicom.data.BulkData;
import org.harmonyee.dicom.data.DicomElement;
import org.harmonyee.dicom.data.Fragments;
import org.harmonyee.dicom.json.BulkDataUris;

import java.nio.file.Path;
import java.util.List;

/**
 * BulkDataURIs into the file itself: {@code file:///path/x.dcm?offset=1234&length=524288}, the
 * value's bytes as they stand in the file (for encapsulated pixel data: its items and delimiter).
 * Only a value that was left in the file can be pointed at; one read into memory (a deflated
 * file's) stays inline.
 */
final class FileBulkDataUris implements BulkDataUris {

    private static final int ITEM_HEADER = 8;

    private final String fileUri;
    private final long above;

    FileBulkDataUris(Path file, long above) {
        this.fileUri = file.toAbsolutePath().toUri().toString();
        this.above = above;
    }

    @Override
    public String uriFor(Attributes dataset, DicomElement element, long length) {
        if (length <= above) {
            return null;
        }
        if (element.value() instanceof BulkData bulk) {
            return uri(bulk.offset(), bulk.length());
        }
        if (element.value() instanceof Fragments fragments) {
            return fragmentsUri(fragments.items());
        }
        return null;
    }

    /**
     * The items lie one after the other, so the value starts at the first referenced fragment less
     * the headers and in-memory items before it, and ends after the delimiter that follows the last.
     */
    private String fragmentsUri(List<Object> items) {
        long start = -1;
        long before = 0;
        long end = -1;
        long after = 0;
        for (Object item : items) {
            long length = item instanceof BulkData bulk ? bulk.length() : ((byte[]) item).length;
            if (item instanceof BulkData bulk) {
                if (start < 0) {
                    start = bulk.offset() - ITEM_HEADER - before;
                }
                end = bulk.offset() + bulk.length();
                after = 0;
            } else if (start < 0) {
                before += ITEM_HEADER + length;
            } else {
                after += ITEM_HEADER + length;
            }
        }
        return start < 0 ? null : uri(start, end + after + ITEM_HEADER - start);
    }

    private String uri(long offset, long length) {
        return fileUri + "?offset=" + offset + "&length=" + length;
    }
}

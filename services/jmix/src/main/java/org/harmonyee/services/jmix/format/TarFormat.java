package org.harmonyee.services.jmix.format;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

import java.io.OutputStream;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The one way packages are written as tar (commons-compress): POSIX ustar, with PAX headers for
 * names over 100 bytes and sizes over 8 GiB; entries owned by nobody in particular. Used for the
 * encrypted payload ({@code payload.enc}) and for a package served as tar.gz.
 */
final class TarFormat {

    private TarFormat() {
    }

    /** A tar writer onto {@code out}; closing it finishes the tar and closes {@code out}. */
    static TarArchiveOutputStream writer(OutputStream out) {
        TarArchiveOutputStream tar = new TarArchiveOutputStream(out);
        tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
        tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
        return tar;
    }

    /** A regular file's entry (a directory's when {@code name} ends with {@code /}), its time in whole seconds. */
    static TarArchiveEntry entry(String name, long size, Instant modified) {
        TarArchiveEntry entry = new TarArchiveEntry(name);
        if (!entry.isDirectory()) {
            entry.setSize(size);
        }
        entry.setModTime(FileTime.from(modified.truncatedTo(ChronoUnit.SECONDS)));
        entry.setUserName("");
        entry.setGroupName("");
        return entry;
    }
}

package org.harmonyee.services.jmix.format;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The entry rules of an uploaded zip, checked on its central directory before a byte is read:
 * relative names without {@code ..}, backslashes or drive letters, no symbolic links, no name twice.
 */
final class EntryNames {

    private static final Pattern DRIVE = Pattern.compile("^[A-Za-z]:.*");

    private EntryNames() {
    }

    static void check(List<ZipArchiveEntry> entries, UploadLimits limits) throws PackageRefusedException {
        if (entries.size() > limits.maxEntries()) {
            throw new PackageRefusedException("the zip has " + entries.size() + " entries, more than the "
                    + limits.maxEntries() + " allowed");
        }
        Set<String> seen = new HashSet<>();
        for (ZipArchiveEntry entry : entries) {
            String name = entry.getName();
            if (name.isEmpty() || name.startsWith("/") || DRIVE.matcher(name).matches()) {
                throw new PackageRefusedException("entry '" + name + "' has an absolute path");
            }
            if (name.indexOf('\\') >= 0 || name.indexOf('\0') >= 0) {
                throw new PackageRefusedException("entry '" + name.replace('\0', '?') + "' has a backslash or NUL in its name");
            }
            for (String segment : name.split("/")) {
                if (segment.equals("..")) {
                    throw new PackageRefusedException("entry '" + name + "' leaves the package (path traversal)");
                }
            }
            if (entry.isUnixSymlink()) {
                throw new PackageRefusedException("entry '" + name + "' is a symbolic link");
            }
            String key = name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
            if (!seen.add(key)) {
                throw new PackageRefusedException("entry '" + name + "' is in the zip twice");
            }
        }
    }
}

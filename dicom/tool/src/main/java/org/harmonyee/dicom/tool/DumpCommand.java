package org.harmonyee.dicom.tool;

import org.harmonyee.dicom.dict.UidDictionary;

import java.io.PrintStream;
import java.util.List;
import java.util.Set;

/**
 * {@code dump FILE}: the File Meta Information and the dataset, one line per element in the style
 * of DCMTK's dcmdump: tag, VR, value, length, value multiplicity, keyword; sequence items and
 * fragments indented beneath their element.
 */
final class DumpCommand implements Command {

    @Override
    public String usage() {
        return "FILE   a human-readable dump: tag, VR, value, length, VM, keyword";
    }

    @Override
    public void run(List<String> arguments, PrintStream out) throws CommandException {
        String name = Options.parse(arguments, Set.of(), Set.of()).single("FILE");
        DicomFile file = DicomFile.read(name, 64 * 1024);
        DumpWriter dump = new DumpWriter(out);
        if (file.fileMetaInformation() != null) {
            out.println("# File Meta Information");
            dump.write(file.fileMetaInformation().attributes());
        }
        out.println("# Dataset (" + UidDictionary.standard().nameOf(file.transferSyntax().uid()) + ")");
        dump.write(file.dataset());
    }
}

package org.harmonyee.dicom.tool;

import org.harmonyee.dicom.data.Attributes;
import org.harmonyee.dicom.io.DicomInputStream;
import org.harmonyee.dicom.io.DicomStreamException;
import org.harmonyee.dicom.io.FileMetaInformation;
import org.harmonyee.dicom.uid.TransferSyntax;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * A file as the commands read it: whole, before anything is printed, so that a corrupt file gives
 * a message and no half-written output. Values of at least {@code bulkDataThreshold} bytes stay
 * in the file as references.
 */
record DicomFile(Path path, FileMetaInformation fileMetaInformation, Attributes dataset,
                 TransferSyntax transferSyntax) {

    static DicomFile read(String name, long bulkDataThreshold) throws CommandException {
        Path path = Path.of(name);
        if (Files.isDirectory(path)) {
            throw CommandException.failure(name + ": is a directory, not a DICOM file");
        }
        try (DicomInputStream in = DicomInputStream.open(path).bulkDataThreshold(bulkDataThreshold)) {
            Attributes dataset = in.readDataset();
            return new DicomFile(path, in.fileMetaInformation(), dataset, in.transferSyntax());
        } catch (NoSuchFileException e) {
            throw CommandException.failure(name + ": no such file");
        } catch (AccessDeniedException e) {
            throw CommandException.failure(name + ": permission denied");
        } catch (DicomStreamException e) {
            throw CommandException.failure(name + ": not a DICOM file, or corrupt: " + e.getMessage());
        } catch (IOException e) {
            throw CommandException.failure(name + ": cannot be read: " + e.getMessage());
        }
    }
}

package org.harmonyee.services.dicomweb;

import org.harmonyee.core.envelope.Result;
import org.harmonyee.core.error.GatewayException;
import org.harmonyee.core.error.ProblemType;
import org.harmonyee.services.dimse.DimseRequests;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A retrieved instance kept in the spool folder while its pixel data is read from there (frames,
 * rendering); the file goes at {@link #close()}.
 *
 * @param file     the PS3.10 file
 * @param instance its SOP Instance UID, for messages
 */
record SpooledInstance(Path file, String instance) implements AutoCloseable {

    /**
     * @param part  a C-GET result: one PS3.10 instance, read to its end
     * @param spool the folder the file goes to
     * @throws GatewayException 502 when the instance cannot be read from the PACS or written
     */
    static SpooledInstance of(Result part, Path spool) {
        String instance = part.headers().first(DimseRequests.SOP_INSTANCE_UID_HEADER).orElse("?");
        Path file = null;
        try (InputStream in = part.body().open()) {
            Files.createDirectories(spool);
            file = Files.createTempFile(spool, "instance-", ".dcm");
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            SpooledInstance spooled = new SpooledInstance(file, instance);
            file = null;
            return spooled;
        } catch (IOException e) {
            throw new GatewayException(ProblemType.BACKEND_UNREACHABLE, "instance " + instance
                    + " from the PACS cannot be read: " + e.getMessage(), e);
        } finally {
            delete(file);
        }
    }

    @Override
    public void close() {
        delete(file);
    }

    private static void delete(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // the exchange is over; a spool file that cannot be deleted stays for the operator to remove
            }
        }
    }
}

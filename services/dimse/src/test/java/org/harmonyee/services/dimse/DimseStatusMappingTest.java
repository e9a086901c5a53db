package org.harmonyee.services.dimse;

import org.harmonyee.core.error.GatewayException;
import org.harmonyee.core.error.ProblemType;
import org.harmonyee.dicom.net.association.AssociationTimeoutException;
import org.harmonyee.dicom.net.dimse.DimseException;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;

import static org.assertj.core.api.Assertions.assertThat;

/** The table of DimseStatusMapping, row by row. */
class DimseStatusMappingTest {

    private static GatewayException refused(int status, String comment) {
        return DimseStatusMapping.refused("pacs", DimseOperation.FIND, new DimseException(status, comment));
    }

    @Test
    void eachFailureStatusHasItsProblemAndKeepsThePacsStatus() {
        int[][] rows = {{0xA801, 404}, {0xA700, 503}, {0xA701, 503}, {0xA702, 503}, {0x0122, 415}, {0x0124, 403},
            {0xA900, 502}, {0xC000, 502}, {0xC123, 502}, {0x0110, 502}, {0x0211, 502}};
        for (int[] row : rows) {
            GatewayException mapped = refused(row[0], null);
            assertThat(mapped.type().httpStatus()).as(Integer.toHexString(row[0])).isEqualTo(row[1]);
            assertThat(mapped.dimseStatus()).isEqualTo(row[0]);
        }
    }

    @Test
    void theErrorCommentIsInTheDetail() {
        assertThat(refused(0xA900, "Identifier does not match").detail())
                .isEqualTo("backend 'pacs': the PACS answered C-FIND with status A900 (Identifier does not match)");
    }

    @Test
    void connectionFailuresAre502AndTimeouts504WithTheDefaultStatus() {
        GatewayException refused = DimseStatusMapping.notConnected("pacs", "dicom://PACS@h:104",
                new ConnectException("Connection refused"));
        GatewayException silent = DimseStatusMapping.notConnected("pacs", "dicom://PACS@h:104",
                new IOException("no A-ASSOCIATE-AC", new SocketTimeoutException("Read timed out")));
        GatewayException lost = DimseStatusMapping.lost("pacs", DimseOperation.GET,
                new IOException("x", new AssociationTimeoutException("no DIMSE response")));

        assertThat(refused.type()).isEqualTo(ProblemType.BACKEND_UNREACHABLE);
        assertThat(refused.dimseStatus()).isEqualTo(0xA701);
        assertThat(silent.type()).isEqualTo(ProblemType.BACKEND_TIMEOUT);
        assertThat(lost.type()).isEqualTo(ProblemType.BACKEND_TIMEOUT);
        assertThat(DimseStatusMapping.lost("pacs", DimseOperation.GET, new IOException("reset")).type())
                .isEqualTo(ProblemType.BACKEND_UNREACHABLE);
    }
}

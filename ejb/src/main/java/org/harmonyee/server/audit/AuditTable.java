package org.harmonyee.server.audit;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.List;

/**
 * Table {@code AUDIT_EVENT} in the server's default datasource: the trail's writer hands it the
 * records it has just written to the file, a batch in one transaction. With several nodes on one
 * database it is where an auditor finds every node's records.
 */
@Stateless
public class AuditTable {

    @PersistenceContext(unitName = "harmony")
    EntityManager entities;

    /** Inserts the records as written by the node {@code auditSourceId}, in one transaction. */
    public void append(List<AuditRecord> records, String auditSourceId) {
        for (AuditRecord record : records) {
            entities.persist(new AuditEvent(record, auditSourceId));
        }
    }
}

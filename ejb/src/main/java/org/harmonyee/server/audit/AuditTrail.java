package org.harmonyee.server.audit;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.harmonyee.core.config.AuditSettings;
import org.harmonyee.core.envelope.Json;
import org.harmonyee.core.error.Causes;
import org.harmonyee.rar.api.AssociationDecision;
import org.harmonyee.rar.api.AssociationRequest;
import org.harmonyee.server.lifecycle.RunningGateway;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The audit trail's writer: request threads {@link #record} and go on; one thread of the server's own
 * writes each record as a JSON line to the rotating file of {@code [audit]}, inserts the records
 * it has at hand into {@link AuditTable} in one transaction when {@code database} is on and, when
 * {@code [audit.syslog]} is set, sends each PS3.15 message to the collector. When the queue is full,
 * or the database or the collector unreachable, records are counted and the count logged as a
 * warning: an auditor learns of the gap (the file keeps every record), and traffic is never held
 * up by the trail.
 */
@ApplicationScoped
public class AuditTrail {

    private static final System.Logger LOG = System.getLogger(AuditTrail.class.getName());
    private static final int CAPACITY = 65_536;
    private static final int BATCH = 256;

    @Resource
    ManagedThreadFactory threads;

    @Inject
    RunningGateway gateway;

    @Inject
    AuditTable table;

    private final BlockingQueue<AuditRecord> queue = new LinkedBlockingQueue<>(CAPACITY);
    private final AtomicLong dropped = new AtomicLong();
    private final String hostName = hostName();
    private volatile boolean running;
    private Thread writer;
    private AuditSettings settings;
    private JsonLinesFile file;
    private SyslogClient syslog;
    private long undelivered;
    private long unstored;

    @PostConstruct
    void start() {
        running = true;
        writer = threads.newThread(this::drain);
        writer.setName("harmony-audit-trail");
        writer.start();
    }

    /** Queues one record; never blocks. */
    void record(AuditRecord record) {
        if (!queue.offer(record)) {
            dropped.incrementAndGet();
        }
    }

    /** Records an association the DICOM door rejected. */
    public void rejected(AssociationRequest request, AssociationDecision decision) {
        record(AuditRecords.rejectedAssociation(request, decision));
    }

    private void drain() {
        while (running || !queue.isEmpty()) {
            try {
                AuditRecord record = queue.poll(200, TimeUnit.MILLISECONDS);
                if (record != null && configure()) {
                    List<AuditRecord> batch = new ArrayList<>(BATCH);
                    batch.add(record);
                    queue.drainTo(batch, BATCH - 1);
                    batch.forEach(this::write);
                    if (settings.database()) {
                        store(batch);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (RuntimeException e) {
                LOG.log(Level.ERROR, "audit: a record could not be written: " + e.getMessage(), e);
            }
            long lost = dropped.getAndSet(0);
            if (lost > 0) {
                LOG.log(Level.WARNING, "audit: " + lost + " records were dropped: the trail could not keep up");
            }
        }
        closeOutputs();
    }

    /** Follows the running gateway's {@code [audit]}; keeps the last one while the gateway is down. */
    private boolean configure() {
        AuditSettings current;
        try {
            current = gateway.runtime().config().audit();
        } catch (IllegalStateException notRunning) {
            current = settings;
        }
        if (current != null && !current.equals(settings)) {
            closeOutputs();
            settings = current;
            file = new JsonLinesFile(current.file(), current.maxFileSize(), current.maxFileAge(), current.keepFiles(),
                    Clock.systemUTC());
            syslog = current.syslog().map(s -> new SyslogClient(s, hostName)).orElse(null);
        }
        return settings != null && settings.enabled();
    }

    private void write(AuditRecord record) {
        try {
            file.append(Json.MAPPER.writeValueAsBytes(record));
        } catch (IOException e) {
            LOG.log(Level.ERROR, record.exchangeId() + " audit: cannot write " + settings.file() + ": " + e.getMessage());
        }
        if (syslog != null) {
            DicomAuditMessages.of(record, settings.auditSourceId(), hostName).ifPresent(message -> send(record, message));
        }
    }

    private void store(List<AuditRecord> batch) {
        try {
            table.append(batch, settings.auditSourceId());
            if (unstored > 0) {
                LOG.log(Level.WARNING, "audit: the database takes audit records again; " + unstored
                        + " records are not in table AUDIT_EVENT (they are in " + settings.file() + ")");
                unstored = 0;
            }
        } catch (RuntimeException e) {
            if (unstored == 0) {
                LOG.log(Level.WARNING, batch.get(0).exchangeId() + " audit: cannot insert into table AUDIT_EVENT: "
                        + Causes.rootReason(e));
            }
            unstored += batch.size();
        }
    }

    private void send(AuditRecord record, String message) {
        try {
            syslog.send(Instant.parse(record.time()), message);
            if (undelivered > 0) {
                LOG.log(Level.WARNING, "audit: the syslog collector is reachable again; " + undelivered
                        + " audit messages were not delivered to it (they are in " + settings.file() + ")");
                undelivered = 0;
            }
        } catch (IOException e) {
            if (undelivered++ == 0) {
                LOG.log(Level.WARNING, record.exchangeId() + " audit: cannot send to the syslog collector "
                        + settings.syslog().orElseThrow() + ": " + e.getMessage());
            }
        }
    }

    private void closeOutputs() {
        try {
            if (file != null) {
                file.close();
            }
        } catch (IOException e) {
            LOG.log(Level.WARNING, "audit: cannot close " + settings.file() + ": " + e.getMessage());
        }
        if (syslog != null) {
            syslog.close();
        }
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getCanonicalHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }

    @PreDestroy
    void stop() {
        running = false;
        try {
            writer.join(TimeUnit.SECONDS.toMillis(2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

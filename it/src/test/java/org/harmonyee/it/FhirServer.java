package org.harmonyee.it;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.annotation.ConditionalUrlParam;
import ca.uhn.fhir.rest.annotation.Create;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.ResourceParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.param.StringParam;
import ca.uhn.fhir.rest.server.FifoMemoryPagingProvider;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.RestfulServer;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Patient;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real FHIR R4 server for the tests: HAPI's RestfulServer on Jetty at
 * {@code http://127.0.0.1:IT_FHIR_PORT/fhir}, with an in-memory Patient provider (create with
 * If-None-Exist, read, search by family with paging 5 per page).
 */
public final class FhirServer implements AutoCloseable {

    private final Server jetty;

    private FhirServer(int port) throws Exception {
        jetty = new Server();
        ServerConnector connector = new ServerConnector(jetty);
        connector.setHost("127.0.0.1");
        connector.setPort(port);
        jetty.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        context.addServlet(new ServletHolder(new PatientServer()), "/fhir/*");
        jetty.setHandler(context);
        jetty.start();
    }

    static FhirServer start() throws Exception {
        return on(Gateway.port("IT_FHIR_PORT"));
    }

    /** The server on {@code port}, for tests that choose their own ports (the examples' tests). */
    public static FhirServer on(int port) throws Exception {
        return new FhirServer(port);
    }

    @Override
    public void close() throws Exception {
        jetty.stop();
    }

    /** The RestfulServer with one in-memory provider and memory paging. */
    private static final class PatientServer extends RestfulServer {
        private static final long serialVersionUID = 1L;

        PatientServer() {
            super(FhirContext.forR4Cached());
            setResourceProviders(new Patients());
            FifoMemoryPagingProvider paging = new FifoMemoryPagingProvider(100);
            paging.setDefaultPageSize(5);
            paging.setMaximumPageSize(50);
            setPagingProvider(paging);
        }
    }

    /** Patients kept in memory; ids are sequence numbers. */
    public static final class Patients implements IResourceProvider {
        private final Map<String, Patient> store = new ConcurrentHashMap<>();
        private final AtomicInteger sequence = new AtomicInteger();

        @Override
        public Class<? extends IBaseResource> getResourceType() {
            return Patient.class;
        }

        @Create
        public MethodOutcome create(@ResourceParam Patient patient, @ConditionalUrlParam String conditional) {
            if (conditional != null) {
                String identifier = conditional.substring(conditional.indexOf("identifier=") + "identifier=".length());
                for (Patient existing : store.values()) {
                    boolean match = existing.getIdentifier().stream()
                            .anyMatch(id -> (id.getSystem() + "|" + id.getValue()).equals(identifier));
                    if (match) {
                        return new MethodOutcome(existing.getIdElement()).setCreated(false);
                    }
                }
            }
            String id = String.valueOf(sequence.incrementAndGet());
            patient.setId(new IdType("Patient", id, "1"));
            store.put(id, patient);
            return new MethodOutcome(patient.getIdElement()).setCreated(true).setResource(patient);
        }

        @Read
        public Patient read(@IdParam IdType id) {
            Patient patient = store.get(id.getIdPart());
            if (patient == null) {
                throw new ResourceNotFoundException(id);
            }
            return patient;
        }

        @Search
        public List<Patient> search(@OptionalParam(name = Patient.SP_FAMILY) StringParam family) {
            return store.values().stream()
                    .filter(p -> family == null || p.getNameFirstRep().getFamily() != null
                            && p.getNameFirstRep().getFamily().equals(family.getValue()))
                    .sorted(java.util.Comparator.comparingInt(p -> Integer.parseInt(p.getIdElement().getIdPart())))
                    .toList();
        }
    }
}

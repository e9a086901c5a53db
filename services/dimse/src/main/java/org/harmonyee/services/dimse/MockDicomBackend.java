package org.harmonyee.services.dimse;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.harmonyee.core.config.ComponentConfig;
import org.harmonyee.core.config.Options;
import org.harmonyee.core.envelope.RequestEnvelope;
import org.harmonyee.core.envelope.ResponseEnvelope;
import org.harmonyee.core.health.TargetPool;
import org.harmonyee.core.pipeline.Backend;
import org.harmonyee.core.runtime.BuildContext;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Service {@code mock_dicom}: the {@code dicom} backend calling a PACS of its own, {@link MockPacs},
 * which serves the bundled {@link MockStudy} from {@code <storage path>/mock_dicom/<backend name>/}
 * (laid afresh at every start). Requests from either door behave exactly as with a real PACS; only
 * the address is fixed, so the options naming a PACS are refused. C-MOVE reaches the AEs of
 * {@code move_destinations}.
 */
public final class MockDicomBackend implements Backend {

    public static final String SERVICE = "mock_dicom";

    private static final System.Logger LOG = System.getLogger(MockDicomBackend.class.getName());
    /** Options of the {@code dicom} backend that name or secure the PACS: this one's PACS is built in. */
    private static final List<String> PACS_KEYS = List.of("aet", "host", "port", "targets", "strategy", "max_failures",
            "cooldown_ms", "use_tls", "tls_key_store", "tls_key_store_password", "tls_trust_store",
            "tls_trust_store_password");
    private static final String MOVE_DESTINATIONS = "move_destinations";
    /** The address of a PACS that could not start: the assembly fails with the reason, nothing calls it. */
    private static final URI NOT_STARTED = URI.create("dicom://" + MockPacs.AE_TITLE + "@127.0.0.1:104");

    private final DimseBackend scu;
    private final MockPacs pacs;

    private MockDicomBackend(DimseBackend scu, MockPacs pacs) {
        this.scu = scu;
        this.pacs = pacs;
    }

    public static Backend create(ComponentConfig config, Options options, BuildContext context) {
        PACS_KEYS.stream().filter(options::has).forEach(key -> options.problem(key, "mock_dicom serves its built-in"
                + " study from its own PACS; remove " + key + ", or use service = \"dicom\" to call a real PACS"));
        Map<String, MoveDestination> destinations = MoveDestination.read(options, MOVE_DESTINATIONS);
        ObjectNode scuOptions = config.options().deepCopy();
        scuOptions.remove(PACS_KEYS);
        scuOptions.remove(MOVE_DESTINATIONS);
        ComponentConfig scuConfig = new ComponentConfig(config.name(), config.type(), scuOptions, config.source(),
                config.baseDirectory());
        Optional<MockPacs> pacs = start(config.name(), context.storagePath(), destinations, options);
        URI address = pacs.map(MockPacs::address).orElse(NOT_STARTED);
        try {
            DimseBackend scu = DimseBackend.calling(address, scuConfig, scuConfig.options(options.problems()), context);
            return pacs.<Backend>map(started -> new MockDicomBackend(scu, started)).orElse(scu);
        } catch (RuntimeException e) {
            pacs.ifPresent(MockPacs::close);
            throw e;
        }
    }

    /** The PACS serving a fresh copy of the study, or empty when it cannot start (reported). */
    private static Optional<MockPacs> start(String backend, Path storage, Map<String, MoveDestination> destinations,
                                            Options options) {
        Path folder = storage.resolve(SERVICE).resolve(backend).toAbsolutePath().normalize();
        try {
            MockStudy.extractTo(folder);
            MockPacs pacs = MockPacs.start(backend, folder, destinations);
            LOG.log(Level.INFO, () -> "backend '" + backend + "': mock PACS " + pacs.address() + " serves " + folder);
            return Optional.of(pacs);
        } catch (IOException e) {
            options.problem("service", "cannot serve the built-in study from " + folder + " (below [storage]"
                    + " options.path): " + e.getMessage());
            return Optional.empty();
        }
    }

    @Override
    public String name() {
        return scu.name();
    }

    @Override
    public String service() {
        return SERVICE;
    }

    @Override
    public Optional<TargetPool> targets() {
        return scu.targets();
    }

    @Override
    public ResponseEnvelope invoke(RequestEnvelope request) {
        return scu.invoke(request);
    }

    @Override
    public void close() {
        scu.close();
        pacs.close();
    }
}

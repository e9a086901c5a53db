package org.harmonyee.it;

import org.jboss.arquillian.container.spi.Container;
import org.jboss.arquillian.container.spi.client.deployment.Deployment;
import org.jboss.arquillian.container.spi.client.deployment.DeploymentDescription;
import org.jboss.arquillian.container.spi.event.DeployDeployment;
import org.jboss.arquillian.container.spi.event.DeploymentEvent;
import org.jboss.arquillian.container.spi.event.StopSuiteContainers;
import org.jboss.arquillian.container.spi.event.UnDeployDeployment;
import org.jboss.arquillian.core.api.Event;
import org.jboss.arquillian.core.api.annotation.Inject;
import org.jboss.arquillian.core.api.annotation.Observes;
import org.jboss.arquillian.core.spi.EventContext;
import org.jboss.arquillian.core.spi.LoadableExtension;

/**
 * One deployment of the gateway for consecutive test classes, instead of one per class. Every
 * deployment test deploys the same archive ({@link Deployments#gateway()}) as a client-side test
 * ({@code testable = false}) and talks to it over the network, so the archive deployed for one
 * class is kept for the next: its undeployment is put off until a different deployment needs the
 * server (JmixIndexIT's own, which redeploys) or the run ends. On Payara Micro, where each
 * deployment is a server process of its own, that saves a server start per class; on WildFly and
 * Payara Server, an EAR deployment. Registered through META-INF/services.
 */
public final class SharedDeployment implements LoadableExtension {

    @Override
    public void register(ExtensionBuilder builder) {
        builder.observer(Keeper.class);
    }

    /** Defers undeployments and skips the deployments that are already there. */
    public static final class Keeper {

        @Inject
        private Event<UnDeployDeployment> undeployment;

        private Kept kept;

        public void deploy(@Observes EventContext<DeployDeployment> context) throws Exception {
            DeployDeployment event = context.getEvent();
            if (kept != null && kept.isFor(event)) {
                event.getDeployment().deployed();
                return;
            }
            release();
            context.proceed();
            if (shareable(event.getDeployment().getDescription()) && event.getDeployment().isDeployed()) {
                kept = new Kept(event.getContainer(), event.getDeployment());
            }
        }

        public void undeploy(@Observes EventContext<UnDeployDeployment> context) {
            UnDeployDeployment event = context.getEvent();
            if (kept != null && kept.isFor(event)) {
                event.getDeployment().undeployed();
                return;
            }
            context.proceed();
        }

        public void stop(@Observes EventContext<StopSuiteContainers> context) throws Exception {
            try {
                release();
            } finally {
                context.proceed();
            }
        }

        private void release() throws Exception {
            if (kept == null) {
                return;
            }
            Kept released = kept;
            kept = null;
            // As an event, so that Arquillian activates the deployment's contexts around the undeployment.
            undeployment.fire(new UnDeployDeployment(released.container(), released.deployment()));
            GatewayPorts.awaitReleased();
        }

        private static boolean shareable(DeploymentDescription description) {
            return description.managed() && !description.testable() && description.isArchiveDeployment();
        }
    }

    /** The deployment kept, and its container. */
    private record Kept(Container container, Deployment deployment) {

        boolean isFor(DeploymentEvent event) {
            DeploymentDescription description = event.getDeployment().getDescription();
            return Keeper.shareable(description) && container.getName().equals(event.getContainerName())
                    && deployment.getDescription().getArchive().getName().equals(description.getArchive().getName());
        }
    }
}

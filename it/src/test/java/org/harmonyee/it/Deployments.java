package org.harmonyee.it;

import org.jboss.shrinkwrap.api.Archive;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import java.io.File;

/**
 * The archive under test, exactly as built: the full WAR for Payara Micro, the EAR for WildFly
 * (the build passes its path as {@code harmony.it.archive}).
 */
final class Deployments {

    private Deployments() {
    }

    static Archive<?> gateway() {
        File archive = new File(System.getProperty("harmony.it.archive"));
        if (!archive.isFile()) {
            throw new IllegalStateException("the archive under test was not built: " + archive);
        }
        return archive.getName().endsWith(".ear")
                ? ShrinkWrap.createFromZipFile(EnterpriseArchive.class, archive)
                : ShrinkWrap.createFromZipFile(WebArchive.class, archive);
    }
}

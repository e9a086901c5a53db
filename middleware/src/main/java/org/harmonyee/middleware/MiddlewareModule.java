package org.harmonyee.middleware;

import org.harmonyee.core.runtime.ServiceCatalog;
import org.harmonyee.core.runtime.ServiceModule;
import org.harmonyee.middleware.auth.BasicAuth;
import org.harmonyee.middleware.auth.ContainerAuth;
import org.harmonyee.middleware.compat.Connect;
import org.harmonyee.middleware.compat.JsonExtractor;
import org.harmonyee.middleware.compat.Passthru;
import org.harmonyee.middleware.filter.PathFilter;
import org.harmonyee.middleware.jwt.JwtAuth;
import org.harmonyee.middleware.transform.JoltTransform;
import org.harmonyee.middleware.transform.MetadataTransform;

/** Registers the middleware types with the core's catalog (found through ServiceLoader). */
public final class MiddlewareModule implements ServiceModule {

    @Override
    public void register(ServiceCatalog catalog) {
        catalog.middleware(BasicAuth.TYPE, BasicAuth::create);
        catalog.middleware(ContainerAuth.TYPE, ContainerAuth::create);
        catalog.middleware(JwtAuth.TYPE, JwtAuth::create);
        catalog.middleware(JwtAuth.RUST_TYPE, JwtAuth::create);
        catalog.middleware(JoltTransform.TYPE, JoltTransform::create);
        catalog.middleware(MetadataTransform.TYPE, MetadataTransform::create);
        catalog.middleware(PathFilter.TYPE, PathFilter::create);
        catalog.middleware(Passthru.TYPE, Passthru::create);
        catalog.middleware(JsonExtractor.TYPE, JsonExtractor::create);
        catalog.middleware(JsonExtractor.SHORT_TYPE, JsonExtractor::create);
        catalog.middleware(Connect.TYPE, Connect::create);
    }
}

package org.harmonyee.server.backend;

import jakarta.interceptor.InterceptorBinding;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the method that makes one backend call, {@code (Backend, RequestEnvelope) -> ResponseEnvelope};
 * the metrics interceptor of {@code org.harmonyee.server.metrics} times it.
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface BackendObserved {
}

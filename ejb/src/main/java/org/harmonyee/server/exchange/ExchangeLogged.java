package org.harmonyee.server.exchange;

import jakarta.interceptor.InterceptorBinding;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the method that runs one exchange; {@link ExchangeLogInterceptor} logs it and the audit
 * trail's interceptor records it (priorities in {@link InterceptorPriorities}).
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface ExchangeLogged {
}

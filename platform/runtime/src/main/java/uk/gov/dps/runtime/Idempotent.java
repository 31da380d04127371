package uk.gov.dps.runtime;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.interceptor.InterceptorBinding;

/**
 * On a resource method that creates something: a request with an {@code Idempotency-Key} header is done once
 * per caller and key; a retry gets the first answer (with {@code Idempotency-Replayed: true}), and the same key
 * with a different request is refused with 422. Requests without the header are not affected.
 */
@InterceptorBinding
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
public @interface Idempotent {
}

package dev.vantage.observability.autoconfigure.security;

import org.jspecify.annotations.Nullable;

import org.springframework.util.ClassUtils;

/**
 * Describes what an authorization was about: {@code METHOD /path} for a request on either
 * web stack, {@code Type.method} for method security. Each web type is looked at only where
 * its stack is on the classpath, so an application without the Servlet API (or without
 * WebFlux) never loads it.
 */
final class SecuredResource {

	private static final ClassLoader CLASS_LOADER = SecuredResource.class.getClassLoader();

	private static final boolean SERVLET = ClassUtils.isPresent("jakarta.servlet.http.HttpServletRequest",
			CLASS_LOADER)
			&& ClassUtils.isPresent("org.springframework.security.web.access.intercept.RequestAuthorizationContext",
					CLASS_LOADER);

	private static final boolean REACTIVE = ClassUtils.isPresent("org.springframework.web.server.ServerWebExchange",
			CLASS_LOADER)
			&& ClassUtils.isPresent("org.springframework.security.web.server.authorization.AuthorizationContext",
					CLASS_LOADER);

	private static final boolean AOP = ClassUtils.isPresent("org.aopalliance.intercept.MethodInvocation",
			CLASS_LOADER);

	private SecuredResource() {
	}

	static @Nullable String describe(@Nullable Object secured) {
		if (secured == null) {
			return null;
		}
		if (SERVLET && Servlet.handles(secured)) {
			return Servlet.describe(secured);
		}
		if (REACTIVE && Reactive.handles(secured)) {
			return Reactive.describe(secured);
		}
		if (AOP && Methods.handles(secured)) {
			return Methods.describe(secured);
		}
		return null;
	}

	private static final class Servlet {

		static boolean handles(Object secured) {
			return secured instanceof jakarta.servlet.http.HttpServletRequest
					|| secured instanceof org.springframework.security.web.access.intercept.RequestAuthorizationContext;
		}

		static String describe(Object secured) {
			jakarta.servlet.http.HttpServletRequest request = (secured instanceof jakarta.servlet.http.HttpServletRequest servlet)
					? servlet
					: ((org.springframework.security.web.access.intercept.RequestAuthorizationContext) secured)
						.getRequest();
			return request.getMethod() + " " + request.getRequestURI();
		}

	}

	private static final class Reactive {

		static boolean handles(Object secured) {
			return secured instanceof org.springframework.web.server.ServerWebExchange
					|| secured instanceof org.springframework.security.web.server.authorization.AuthorizationContext;
		}

		static String describe(Object secured) {
			org.springframework.web.server.ServerWebExchange exchange = (secured instanceof org.springframework.web.server.ServerWebExchange direct)
					? direct
					: ((org.springframework.security.web.server.authorization.AuthorizationContext) secured).getExchange();
			return exchange.getRequest().getMethod().name() + " " + exchange.getRequest().getPath().value();
		}

	}

	private static final class Methods {

		static boolean handles(Object secured) {
			return secured instanceof org.aopalliance.intercept.MethodInvocation;
		}

		static String describe(Object secured) {
			java.lang.reflect.Method method = ((org.aopalliance.intercept.MethodInvocation) secured).getMethod();
			return method.getDeclaringClass().getSimpleName() + "." + method.getName();
		}

	}

}

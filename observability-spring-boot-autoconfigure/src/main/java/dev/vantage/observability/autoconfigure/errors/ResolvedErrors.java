package dev.vantage.observability.autoconfigure.errors;

import java.security.Principal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.core.Ordered;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * Spring MVC: notes each exception a handler is about to resolve ({@code @ExceptionHandler},
 * {@code @ResponseStatus}, {@code ProblemDetail}, Spring's defaults) and the principal of the
 * request it ended on the request, and resolves nothing itself, so that every resolver of the application runs as before. First of
 * the resolvers, as Boot's {@code DefaultErrorAttributes} is.
 */
final class ResolvedErrors implements HandlerExceptionResolver, Ordered {

	static final String ATTRIBUTE = ResolvedErrors.class.getName() + ".error";

	/** The principal's name when the exception was resolved: Spring Security forgets it before the request ends. */
	static final String PRINCIPAL = ResolvedErrors.class.getName() + ".principal";

	@Override
	public @Nullable ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response,
			@Nullable Object handler, Exception ex) {
		request.setAttribute(ATTRIBUTE, ex);
		try {
			Principal principal = request.getUserPrincipal();
			if (principal != null) {
				request.setAttribute(PRINCIPAL, principal.getName());
			}
		}
		catch (RuntimeException ignored) {
			// The sample goes without its principal; the application's resolvers run as before.
		}
		return null;
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

	static @Nullable Throwable of(HttpServletRequest request) {
		return (request.getAttribute(ATTRIBUTE) instanceof Throwable error) ? error : null;
	}

}

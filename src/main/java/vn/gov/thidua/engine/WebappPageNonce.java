package vn.gov.thidua.engine;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import org.camunda.bpm.webapp.impl.security.filter.headersec.provider.impl.ContentSecurityPolicyProvider;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps the webapps' script nonce to the request it was made for.
 *
 * <p>Camunda 7.24's webapps put a fresh nonce in each response's Content-Security-Policy header and in the
 * {@code <script>} tags of the page they serve, but they pass it from the header filter to the page through an
 * attribute of the servlet context, which every request shares. When another request passes the header filter
 * between the two (another officer's page, or any asset or API call of the same browser), the page carries the other
 * request's nonce: the browser blocks every script and the officer is left looking at the loading spinner. Seen in
 * the browser stories as a Welcome page that never loaded; fixed the same way in the Operaton fork ("Scope the CSP
 * nonce to the request").
 *
 * <p>This filter, ahead of the webapps' own, hands them a view of the servlet context in which that one attribute
 * lives in the request; everything else is the real servlet context.
 */
public class WebappPageNonce extends OncePerRequestFilter {

    static final String NONCE = ContentSecurityPolicyProvider.ATTR_CSP_FILTER_NONCE;

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(new OwnNonceRequest(request), response);
    }

    private static final class OwnNonceRequest extends HttpServletRequestWrapper {

        private final ServletContext context;

        OwnNonceRequest(HttpServletRequest request) {
            super(request);
            ServletContext shared = request.getServletContext();
            this.context = (ServletContext) Proxy.newProxyInstance(ServletContext.class.getClassLoader(),
                    new Class<?>[] {ServletContext.class}, (proxy, method, arguments) -> {
                        if (arguments != null && arguments.length > 0 && NONCE.equals(arguments[0])) {
                            return ownNonce(request, method, arguments);
                        }
                        try {
                            return method.invoke(shared, arguments);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }

        private static Object ownNonce(HttpServletRequest request, Method method, Object[] arguments) {
            return switch (method.getName()) {
                case "getAttribute" -> request.getAttribute(NONCE);
                case "setAttribute" -> {
                    request.setAttribute(NONCE, arguments[1]);
                    yield null;
                }
                case "removeAttribute" -> {
                    request.removeAttribute(NONCE);
                    yield null;
                }
                default -> throw new UnsupportedOperationException(method.getName() + " of the script nonce");
            };
        }

        @Override
        public ServletContext getServletContext() {
            return context;
        }
    }
}

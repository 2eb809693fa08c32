package vn.gov.thidua.security;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.rest.impl.CamundaRestResources;

/**
 * Every endpoint of the engine REST API, read from Camunda's own JAX-RS resources as the product registers them, so a
 * matrix over this list covers an endpoint an engine upgrade adds without anyone writing a row for it. Sub-resource
 * locators (a method with {@code @Path} and no HTTP method, e.g. {@code TaskRestService.getTask(id)} returning
 * {@code TaskResource}) are followed to the endpoints of the resource they return.
 */
final class EngineRestEndpoints {

    /** Deeper than any chain in 7.24 (task → variables → one variable → data is three). */
    private static final int MAX_DEPTH = 6;

    /**
     * One endpoint: its HTTP method, its path template under {@code /engine-rest}, and whether it takes a query object
     * as its body (a POST that reads, as {@code POST /task} with a {@code TaskQueryDto}) or a multipart form.
     */
    record Endpoint(String method, String template, boolean queryBody, boolean multipart) {

        boolean isRead() {
            return method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS") || queryBody;
        }

        /** The first path segment, or the first two under {@code history}, {@code optimize} and a named engine. */
        String family() {
            String[] segments = template.substring(1).split("/");
            if (segments[0].equals("engine") && segments.length > 2) {
                return "engine/{name}/" + segments[2];
            }
            if ((segments[0].equals("history") || segments[0].equals("optimize")) && segments.length > 1) {
                return segments[0] + "/" + segments[1];
            }
            return segments[0].isEmpty() ? "/" : segments[0];
        }

        @Override
        public String toString() {
            return method + " " + template;
        }
    }

    private EngineRestEndpoints() {
    }

    static List<Endpoint> all() {
        Set<Endpoint> endpoints = new TreeSet<>(Comparator.comparing(Endpoint::template).thenComparing(Endpoint::method));
        for (Class<?> root : CamundaRestResources.getResourceClasses()) {
            Path path = annotation(root, Path.class);
            walk(root, path == null ? "" : normalise(path.value()), 0, endpoints);
        }
        return List.copyOf(endpoints);
    }

    private static void walk(Class<?> resource, String prefix, int depth, Set<Endpoint> endpoints) {
        if (depth > MAX_DEPTH) {
            throw new IllegalStateException("Sub-resources nest deeper than " + MAX_DEPTH + " under " + prefix);
        }
        for (Method method : resource.getMethods()) {
            Method annotated = annotatedDeclaration(resource, method);
            if (annotated == null) {
                continue;
            }
            Path path = annotated.getAnnotation(Path.class);
            String template = prefix + (path == null ? "" : normalise(path.value()));
            String verb = httpMethod(annotated);
            if (verb == null) {
                walk(method.getReturnType(), template, depth + 1, endpoints);
                continue;
            }
            Consumes consumes = annotated.getAnnotation(Consumes.class);
            boolean multipart = consumes != null && Arrays.stream(consumes.value()).anyMatch(type -> type.startsWith("multipart/"));
            endpoints.add(new Endpoint(verb, template.isEmpty() ? "/" : template, verb.equals("POST") && takesQuery(annotated),
                    multipart));
        }
    }

    /** The body of a POST query is a {@code …QueryDto}; a stored filter's list and count take an extending query. */
    private static boolean takesQuery(Method method) {
        for (Parameter parameter : method.getParameters()) {
            if (parameter.getAnnotations().length == 0 && parameter.getType().getSimpleName().endsWith("QueryDto")) {
                return true;
            }
        }
        // fetch-and-lock returns, and locks, only external tasks the caller may update (READ and UPDATE on the
        // instance): for an officer, who holds no UPDATE on any instance, it is a query that finds nothing
        return method.getDeclaringClass().getSimpleName().equals("FilterResource")
                || method.getName().equals("fetchAndLock");
    }

    /** JAX-RS reads annotations from the method itself or, when it has none, from the interface or superclass it overrides. */
    private static Method annotatedDeclaration(Class<?> resource, Method method) {
        if (isJaxRs(method)) {
            return method;
        }
        for (Class<?> type = resource; type != null; type = type.getSuperclass()) {
            Method declared = declaredIn(type, method);
            if (declared != null) {
                return declared;
            }
        }
        return null;
    }

    private static Method declaredIn(Class<?> type, Method method) {
        try {
            Method declared = type.getDeclaredMethod(method.getName(), method.getParameterTypes());
            if (isJaxRs(declared)) {
                return declared;
            }
        } catch (NoSuchMethodException notHere) {
            // look further up
        }
        for (Class<?> contract : type.getInterfaces()) {
            Method declared = declaredIn(contract, method);
            if (declared != null) {
                return declared;
            }
        }
        return null;
    }

    private static boolean isJaxRs(Method method) {
        return method.isAnnotationPresent(Path.class) || httpMethod(method) != null;
    }

    private static String httpMethod(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod verb = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (verb != null) {
                return verb.value();
            }
        }
        return null;
    }

    private static <A extends Annotation> A annotation(Class<?> type, Class<A> kind) {
        if (type == null) {
            return null;
        }
        A found = type.getAnnotation(kind);
        if (found != null) {
            return found;
        }
        for (Class<?> contract : type.getInterfaces()) {
            found = annotation(contract, kind);
            if (found != null) {
                return found;
            }
        }
        return annotation(type.getSuperclass(), kind);
    }

    private static String normalise(String path) {
        String slashed = path.startsWith("/") ? path : "/" + path;
        return slashed.endsWith("/") ? slashed.substring(0, slashed.length() - 1) : slashed;
    }
}

package vn.gov.thidua.engine;

import java.beans.FeatureDescriptor;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.Date;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.impl.juel.jakarta.el.ELContext;
import org.camunda.bpm.impl.juel.jakarta.el.ELException;
import org.camunda.bpm.impl.juel.jakarta.el.ELResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The second wall behind {@link QueryExpressionGuard}: whatever expression the engine evaluates (a model, a stored
 * filter, a JUEL decision) may read properties and call methods only on the product's own beans and types, plain
 * values, java.util collections and maps, and DMN results. JUEL's bean resolver otherwise calls any public method on
 * any object, so {@code ${''.getClass().forName(…)}} reaches reflection and {@code ${dataSource.connection}} the
 * database. Names (identifiers without a base) still resolve as before: variables, {@code execution}, Spring beans;
 * only stepping into an object is checked.
 */
class GuardedElResolver extends ELResolver {

    private static final Logger log = LoggerFactory.getLogger(GuardedElResolver.class);

    private static final Set<String> FORBIDDEN_MEMBERS = Set.of("getClass", "class", "forName", "getClassLoader",
            "classLoader", "getModule", "module", "getDeclaringClass", "declaringClass", "wait", "notify", "notifyAll");
    private static final Set<Class<?>> PLAIN_VALUES = Set.of(String.class, Boolean.class, Character.class, Byte.class,
            Short.class, Integer.class, Long.class, Float.class, Double.class, BigDecimal.class, BigInteger.class);
    private static final String PRODUCT = "vn.gov.thidua.";
    private static final String DMN_RESULTS = "org.camunda.bpm.dmn.engine.";

    private final ELResolver delegate;

    GuardedElResolver(ELResolver delegate) {
        this.delegate = delegate;
    }

    @Override
    public Object getValue(ELContext context, Object base, Object property) {
        checkRead(base, property);
        return delegate.getValue(context, base, property);
    }

    @Override
    public Object invoke(ELContext context, Object base, Object method, Class<?>[] paramTypes, Object[] params) {
        if (base != null) {
            check(base, method, !base.getClass().isArray() && isAllowed(base));
        }
        return delegate.invoke(context, base, method, paramTypes, params);
    }

    @Override
    public Class<?> getType(ELContext context, Object base, Object property) {
        checkRead(base, property);
        return delegate.getType(context, base, property);
    }

    @Override
    public void setValue(ELContext context, Object base, Object property, Object value) {
        checkRead(base, property);
        delegate.setValue(context, base, property, value);
    }

    @Override
    public boolean isReadOnly(ELContext context, Object base, Object property) {
        checkRead(base, property);
        return delegate.isReadOnly(context, base, property);
    }

    @Override
    public Iterator<FeatureDescriptor> getFeatureDescriptors(ELContext context, Object base) {
        return delegate.getFeatureDescriptors(context, base);
    }

    @Override
    public Class<?> getCommonPropertyType(ELContext context, Object base) {
        return delegate.getCommonPropertyType(context, base);
    }

    @Override
    public Object convertToType(ELContext context, Object obj, Class<?> targetType) {
        return delegate.convertToType(context, obj, targetType);
    }

    /** An element of an array may be read (the array resolver takes only an index); the element is checked in turn. */
    private static void checkRead(Object base, Object property) {
        if (base != null) {
            check(base, property, base.getClass().isArray() || isAllowed(base));
        }
    }

    private static void check(Object base, Object member, boolean allowedBase) {
        if (!allowedBase || FORBIDDEN_MEMBERS.contains(String.valueOf(member))) {
            log.warn("Expression refused: member '{}' on {}", member, base.getClass().getName());
            throw new ELException("Biểu thức không được dùng '" + member + "' trên đối tượng này: chỉ được dùng các dịch vụ "
                    + "của hệ thống thi đua và các giá trị thông thường.");
        }
    }

    static boolean isAllowed(Object base) {
        Class<?> type = base.getClass();
        String name = type.getName();
        return name.startsWith(PRODUCT)
                || name.startsWith(DMN_RESULTS)
                || PLAIN_VALUES.contains(type)
                || name.startsWith("java.time.")
                || (base instanceof Date && name.startsWith("java."))
                || ((base instanceof Collection<?> || base instanceof Map<?, ?>) && name.startsWith("java.util."));
    }
}

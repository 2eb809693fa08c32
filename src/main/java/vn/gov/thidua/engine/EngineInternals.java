package vn.gov.thidua.engine;

import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.form.FormException;
import org.camunda.bpm.engine.impl.persistence.entity.FilterEntity;
import org.camunda.bpm.engine.impl.util.ResourceTypeUtil;

/** The few reads the product needs that the engine's public API does not offer, each behind a name that says what. */
public final class EngineInternals {

    private EngineInternals() {
    }

    /** A stored filter's task query as the engine keeps it (JSON), as Tasklist reads it. */
    public static String storedQuery(Filter filter) {
        return ((FilterEntity) filter).getQueryInternal();
    }

    /** A stored filter's properties as the engine keeps them (JSON). */
    public static String storedProperties(Filter filter) {
        return ((FilterEntity) filter).getPropertiesInternal();
    }

    /** The engine refused a form submission (a field's value does not fit its type or constraint). */
    public static boolean isFormRefusal(Throwable thrown) {
        return thrown instanceof FormException;
    }

    /** Every permission the authorization names, of whatever resource type it is for. */
    public static Permission[] permissionsOf(Authorization authorization) {
        return authorization.getPermissions(ResourceTypeUtil.getPermissionsByResourceType(authorization.getResourceType()));
    }
}

package vn.gov.thidua.engine;

/**
 * Camunda 7.24 refuses a command on another tenant's object (reading a task's variables, completing it) with a plain
 * ProcessEngineException, which its REST API answers as a 500 with an English message. The product answers it as the
 * 404 of an object the caller may not know of ({@code api/EngineRestErrors}). Drop this when the engine answers
 * the tenant refusal with a 4xx itself.
 */
public final class TenantRefusal {

    /** The end of the engine's message for a command on an object of a tenant the caller is not a member of. */
    static final String ENGINE_MESSAGE_END = "because it belongs to no authenticated tenant.";

    public static final String MESSAGE = "Không tìm thấy công việc hoặc hồ sơ này trong các phong trào cơ quan của bạn tham gia.";

    private TenantRefusal() {
    }

    /** Whether the engine refused because the object belongs to a campaign the caller takes no part in. */
    public static boolean is(Throwable exception) {
        // some REST resources (the job's) rethrow the engine's refusal as their own exception with its message only
        return exception.getMessage() != null && exception.getMessage().endsWith(ENGINE_MESSAGE_END);
    }
}

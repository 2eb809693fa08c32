package vn.gov.thidua.campaign;

import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * The campaign and the agency a step works for, from the process instance's business key, which the product sets
 * when it starts the instance and no client can change: {@code <campaign>} for `campaign`, {@code <campaign>/<agency>}
 * for `unit-participation`. Codes never contain a slash. Never from the variables of the same names: those are kept
 * for the models' expressions and Tasklist, and a client must not be able to steer a delegate with them.
 */
final class ProcessKeys {

    private ProcessKeys() {
    }

    /** The campaign of a `campaign` instance (its business key, set by {@link RegisterCampaignDelegate}). */
    static String campaignOf(DelegateExecution execution) {
        return require(execution, execution.getProcessBusinessKey());
    }

    static Participation participationOf(DelegateExecution execution) {
        String key = require(execution, execution.getProcessBusinessKey());
        int slash = key.indexOf('/');
        if (slash <= 0 || slash != key.lastIndexOf('/') || slash == key.length() - 1) {
            throw new IllegalStateException("Process instance " + execution.getProcessInstanceId()
                    + " has business key " + key + ", not <campaign>/<agency>");
        }
        return new Participation(key.substring(0, slash), key.substring(slash + 1));
    }

    record Participation(String campaignCode, String agencyCode) {
    }

    private static String require(DelegateExecution execution, String businessKey) {
        if (businessKey == null || businessKey.isBlank()) {
            throw new IllegalStateException("Process instance " + execution.getProcessInstanceId() + " has no business key");
        }
        return businessKey;
    }
}

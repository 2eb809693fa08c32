package vn.gov.thidua.campaign;

import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * The campaign, milestone and agency a step works for, from the process instance's business key, which the product
 * sets when it starts the instance and no client can change: {@code <campaign>} for `campaign`,
 * {@code <campaign>/<milestone>/<agency>} for `unit-milestone`, and {@code <campaign>/<agency>} for the
 * `unit-participation` instances of campaigns launched before `unit-milestone`, {@code <campaign>/<milestone>/v<version>}
 * for the `milestone-schedule` of an amendment. Codes and keys never contain a slash.
 * Never from the variables of the same names: those are kept for the models' expressions, and a client must not be
 * able to steer a delegate with them.
 */
final class ProcessKeys {

    private ProcessKeys() {
    }

    /**
     * The campaign of a `campaign` instance (its business key, set by {@link RegisterCampaignDelegate}) or of a
     * `milestone-schedule` instance ({@code <campaign>/<milestone>/v<version>}, set by {@link CampaignAmendments}).
     */
    static String campaignOf(DelegateExecution execution) {
        return parts(execution)[0];
    }

    static Participation participationOf(DelegateExecution execution) {
        String[] parts = parts(execution);
        if (parts.length != 2) {
            throw new IllegalStateException("Process instance " + execution.getProcessInstanceId()
                    + " has business key " + execution.getProcessBusinessKey() + ", not <campaign>/<agency>");
        }
        return new Participation(parts[0], parts[1]);
    }

    /**
     * The unit's milestone a recording step works for. In a `unit-milestone` instance all of it is in the business key;
     * in an old `unit-participation` instance the milestone is the one its event sub-process was started for, kept in
     * that sub-process's own scope.
     */
    static UnitMilestone unitMilestoneOf(DelegateExecution execution) {
        String[] parts = parts(execution);
        if (parts.length == 3) {
            return new UnitMilestone(parts[0], parts[1], parts[2]);
        }
        Participation unit = participationOf(execution);
        return new UnitMilestone(unit.campaignCode(), (String) execution.getVariable("milestoneKey"), unit.agencyCode());
    }

    /** The business key of the `unit-milestone` instance of one unit and milestone. */
    static String unitMilestoneKey(String campaignCode, String milestoneKey, String agencyCode) {
        return campaignCode + "/" + milestoneKey + "/" + agencyCode;
    }

    record Participation(String campaignCode, String agencyCode) {
    }

    record UnitMilestone(String campaignCode, String milestoneKey, String agencyCode) {
    }

    private static String[] parts(DelegateExecution execution) {
        String key = require(execution, execution.getProcessBusinessKey());
        String[] parts = key.split("/", -1);
        for (String part : parts) {
            if (part.isEmpty()) {
                throw new IllegalStateException("Process instance " + execution.getProcessInstanceId()
                        + " has business key " + key + " with an empty part");
            }
        }
        return parts;
    }

    private static String require(DelegateExecution execution, String businessKey) {
        if (businessKey == null || businessKey.isBlank()) {
            throw new IllegalStateException("Process instance " + execution.getProcessInstanceId() + " has no business key");
        }
        return businessKey;
    }
}

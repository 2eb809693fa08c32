package vn.gov.thidua.tasklist;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.delegate.TaskListener;

/**
 * Gives a user task, when it is created, the title officers read in Tasklist ("Ban hành kế hoạch triển khai",
 * "Xét chọn hồ sơ: Sở Y tế – Bằng khen…"), from the expression in its field {@code title}, while the model keeps a
 * business label as the task's name. Cockpit and the Modeler draw the model's names: a name written as an expression
 * ({@code ${campaigns.milestoneName(campaignCode, milestoneKey)}}) showed there as it is written.
 *
 * <p>Referenced by class ({@code camunda:class}), not as a Spring bean: the engine injects the field into a new
 * listener for every task, where a shared bean would have its field overwritten by tasks created in parallel.
 */
public class TaskTitle implements TaskListener {

    private Expression title;

    public void setTitle(Expression title) {
        this.title = title;
    }

    @Override
    public void notify(DelegateTask task) {
        Object value = title.getValue(task);
        if (value != null && !value.toString().isBlank()) {
            task.setName(value.toString());
        }
    }
}

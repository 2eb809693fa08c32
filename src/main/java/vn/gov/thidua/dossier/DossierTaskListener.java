package vn.gov.thidua.dossier;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * On every user task of `award-dossier`: the variables its form shows (the dossier, the pre-check, links to the
 * documents) are refreshed from the dossier, which the REST API may have changed since the last step.
 */
@Component
class DossierTaskListener implements TaskListener {

    private final DossierService service;

    DossierTaskListener(DossierService service) {
        this.service = service;
    }

    @Override
    public void notify(DelegateTask task) {
        task.getExecution().setVariables(service.formVariables(service.dossierOf(task.getExecution())));
    }
}

package vn.gov.thidua.engine;

import java.util.Optional;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.ExecuteJobsCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.jobexecutor.FailedJobListener;
import org.springframework.stereotype.Component;

/**
 * Only the job executor and administrators run jobs; a refused attempt changes nothing.
 *
 * <p>Camunda 7.24 checks the right to run a job (`POST /job/{id}/execute`) inside the job's own command, so a refusal
 * counts as the job failing: its failed-job listener, in a transaction of its own, takes a retry off the job, stores
 * the caller's error as the job's exception and, at zero retries, raises an incident, and the deadline the job
 * carries never fires. Here an officer's attempt is refused before the job is touched, and the failure listener the
 * engine then calls for that attempt is skipped. Officers have no reason to run a job by hand: every job of the
 * product's models runs on time by itself. The job executor runs without a signed-in user and is not affected.
 */
@Component
class RefusedJobExecutionPlugin extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        CommandInterceptors.addBeforeEngine(configuration, () -> new Guard(configuration));
    }

    static final class Guard extends CommandInterceptor {

        private final ProcessEngineConfigurationImpl configuration;

        Guard(ProcessEngineConfigurationImpl configuration) {
            this.configuration = configuration;
        }

        @Override
        public <T> T execute(Command<T> command) {
            if (command instanceof ExecuteJobsCmd || command instanceof FailedJobListener) {
                Optional<EngineCaller> caller = EngineCaller.current(configuration.getIdentityService());
                if (caller.isPresent() && !caller.get().isAdministrator()) {
                    if (command instanceof FailedJobListener) {
                        // the failure being recorded is the refusal below, not the job's: nothing to record
                        return null;
                    }
                    throw new AuthorizationException("Chỉ quản trị viên được chạy công việc nền bằng tay; "
                            + "các công việc nền tự chạy đúng hạn.");
                }
            }
            return next.execute(command);
        }
    }
}

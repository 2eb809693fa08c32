package vn.gov.thidua.notification;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_SendNoticeMail in {@code notice-mail}: an asynchronous job, retried with backoff, then an incident. It mails the
 * batch named by the business key. Instances started before notices were batched carry their one notice's id in
 * {@code noticeId} and run on the old version of the model, which names this same bean: they still mail that notice.
 */
@Component
class SendNoticeMailDelegate implements JavaDelegate {

    private final NoticeMailer mailer;

    SendNoticeMailDelegate(NoticeMailer mailer) {
        this.mailer = mailer;
    }

    @Override
    public void execute(DelegateExecution execution) {
        if (execution.getVariable("noticeId") instanceof Number noticeId) {
            execution.setVariable("mailOutcome", mailer.send(noticeId.longValue()).name());
            return;
        }
        execution.setVariable("mailOutcome", mailer.sendBatch(execution.getProcessBusinessKey()).summary());
    }
}

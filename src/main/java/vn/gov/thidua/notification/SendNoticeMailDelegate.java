package vn.gov.thidua.notification;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_SendNoticeMail in {@code notice-mail}: an asynchronous job, retried with backoff, then an incident. */
@Component
class SendNoticeMailDelegate implements JavaDelegate {

    private final NoticeMailer mailer;

    SendNoticeMailDelegate(NoticeMailer mailer) {
        this.mailer = mailer;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long noticeId = ((Number) execution.getVariable("noticeId")).longValue();
        execution.setVariable("mailOutcome", mailer.send(noticeId).name());
    }
}

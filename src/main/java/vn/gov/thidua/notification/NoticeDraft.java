package vn.gov.thidua.notification;

/** One notice to record for an agency's officers, as a set-based step hands it over with many others. */
public record NoticeDraft(String recipientGroup, String kind, String campaignCode, String subjectRef,
                          String title, String body, String dedupeKey) {
}

package vn.gov.thidua.agency;

/**
 * An agency was merged into its successor. Published inside the directory's transaction and heard there (security
 * moves the old group's grants and campaigns to the successor's), so a failed listener undoes the merger.
 */
public record AgencyMerged(String code, String successorCode) {
}

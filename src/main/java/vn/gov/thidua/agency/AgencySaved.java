package vn.gov.thidua.agency;

/**
 * An agency was created or changed (its kind may be new). Published inside the directory's transaction and heard
 * there (security grants the agency's group what its kind needs), so a failed listener undoes the change.
 */
public record AgencySaved(String code, AgencyKind kind) {
}

package vn.gov.thidua.agency;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.PasswordPolicyResult;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.gov.thidua.agency.AgencyApi.NewOfficer;
import vn.gov.thidua.agency.AgencyApi.OfficerChange;
import vn.gov.thidua.system.ApiException;

/**
 * Officers and their agencies. The Camunda user is created with the officer and deleted when the officer is
 * deactivated, so a deactivated officer cannot sign in; the directory row stays for history.
 */
@Service
@Transactional
public class OfficerService {

    static final String PASSWORD_RULES = "Mật khẩu phải có ít nhất 10 ký tự, gồm chữ hoa, chữ thường, chữ số và ký tự đặc biệt,"
            + " và không chứa tên đăng nhập.";
    /** Camunda's password rules, as an administrator reads them. */
    private static final Map<String, String> RULES = Map.of(
            "PASSWORD_POLICY_LENGTH", "cần ít nhất 10 ký tự",
            "PASSWORD_POLICY_LOWERCASE", "cần ít nhất một chữ thường",
            "PASSWORD_POLICY_UPPERCASE", "cần ít nhất một chữ hoa",
            "PASSWORD_POLICY_DIGIT", "cần ít nhất một chữ số",
            "PASSWORD_POLICY_SPECIAL", "cần ít nhất một ký tự đặc biệt",
            "PASSWORD_POLICY_USER_DATA", "không được chứa tên đăng nhập, họ, tên hoặc địa chỉ thư điện tử của cán bộ");

    private final OfficerRepository officers;
    private final AgencyRepository agencies;
    private final DirectoryAudit audit;
    private final CamundaIdentitySync identity;
    private final IdentityService identityService;
    private final Clock clock;

    OfficerService(OfficerRepository officers, AgencyRepository agencies, DirectoryAudit audit, CamundaIdentitySync identity,
                   IdentityService identityService, Clock clock) {
        this.officers = officers;
        this.agencies = agencies;
        this.audit = audit;
        this.identity = identity;
        this.identityService = identityService;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Officer require(String username) {
        return officers.findById(username).orElseThrow(() -> ApiException.notFound("Không tìm thấy cán bộ '" + username + "'."));
    }

    public Officer create(NewOfficer request, String actor) {
        String username = request.username().trim();
        if (officers.existsById(username) || identity.userExists(username)) {
            throw ApiException.conflict("username", "Tên đăng nhập '" + username + "' đã tồn tại.");
        }
        Set<String> agencyCodes = requireActiveAgencies(request.agencyCodes());
        requirePasswordPolicy(username, request.fullName().trim(), blankToNull(request.email()), request.password());
        Instant now = clock.instant();
        Officer officer = officers.save(new Officer(username, request.fullName().trim(), blankToNull(request.email()), agencyCodes, now));
        identity.upsertUser(officer, request.password());
        identity.syncMemberships(officer, agencies::existsById);
        audit.record(now, actor, "OFFICER_CREATED", null, username, officer.getFullName() + " " + agencyCodes);
        return officer;
    }

    public Officer update(String username, OfficerChange change, String actor) {
        Officer officer = require(username);
        AgencyService.requireVersion(change.version(), officer.getVersion());
        Set<String> agencyCodes = requireActiveAgencies(change.agencyCodes());
        String password = blankToNull(change.password());
        boolean reactivated = !officer.isActive() && change.active();
        if (reactivated && password == null) {
            throw ApiException.invalid("password", "Cần đặt mật khẩu mới khi cho cán bộ hoạt động trở lại.");
        }
        if (password != null) {
            requirePasswordPolicy(username, change.fullName().trim(), blankToNull(change.email()), password);
        }
        Instant now = clock.instant();
        officer.update(change.fullName().trim(), blankToNull(change.email()), agencyCodes, change.active(), now);
        if (officer.isActive()) {
            identity.upsertUser(officer, password);
            identity.syncMemberships(officer, agencies::existsById);
        } else if (identity.userExists(username)) {
            identity.deleteUser(username);
        }
        audit.record(now, actor, officer.isActive() ? "OFFICER_UPDATED" : "OFFICER_DEACTIVATED", null, username,
                officer.getFullName() + " " + agencyCodes);
        return officer;
    }

    private Set<String> requireActiveAgencies(Set<String> codes) {
        Set<String> result = new TreeSet<>();
        for (String raw : codes) {
            String code = raw.trim();
            Agency agency = agencies.findById(code).orElseThrow(() -> ApiException.invalid("agencyCodes",
                    "Không tìm thấy cơ quan có mã '" + code + "'."));
            if (!agency.isActive()) {
                throw ApiException.invalid("agencyCodes", "Cơ quan '" + code + "' đã ngừng hoạt động"
                        + (agency.getSuccessorCode() == null ? "." : "; đơn vị kế thừa là '" + agency.getSuccessorCode() + "'."));
            }
            result.add(code);
        }
        return result;
    }

    /**
     * Checked against the user as it will be saved (names and e-mail included): Camunda refuses a password containing
     * any of them only when saving, where the refusal would otherwise be a 500.
     */
    private void requirePasswordPolicy(String username, String fullName, String email, String password) {
        User candidate = identity.candidate(username, fullName, email);
        PasswordPolicyResult result = identityService.checkPasswordAgainstPolicy(password, candidate);
        if (result.isValid()) {
            // the whole name is stored as one (Admin shows it so), and Camunda only refuses a password holding all of
            // it: the given name alone ("Hoàng" of "Trần Thị Hoàng") is the user's data too
            String givenName = fullName.substring(fullName.lastIndexOf(' ') + 1);
            result = identityService.checkPasswordAgainstPolicy(password, identity.candidate(username, givenName, email));
        }
        if (!result.isValid()) {
            String broken = result.getViolatedRules().stream().map(rule -> RULES.getOrDefault(rule.getPlaceholder(), ""))
                    .filter(text -> !text.isEmpty()).collect(Collectors.joining("; "));
            throw ApiException.invalid("password", "Mật khẩu chưa đạt: " + (broken.isEmpty() ? PASSWORD_RULES : broken + "."));
        }
    }

    private static String blankToNull(String value) {
        return AgencyService.blankToNull(value);
    }
}

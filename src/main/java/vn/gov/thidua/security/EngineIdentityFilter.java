package vn.gov.thidua.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import vn.gov.thidua.engine.CampaignTenants;

/**
 * For the length of an API request the engine knows who is acting, so its authorizations apply to whatever the
 * product does for the officer (completing a decision task, reading a process instance), and history records them.
 * The officer's campaigns (tenants) are read for each request, so a campaign launched a minute ago is already theirs.
 */
class EngineIdentityFilter extends OncePerRequestFilter {

    private final IdentityService identityService;
    private final CampaignTenants tenants;

    EngineIdentityFilter(IdentityService identityService, CampaignTenants tenants) {
        this.identityService = identityService;
        this.tenants = tenants;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (!(authentication instanceof CamundaUserAuthentication officer)) {
            chain.doFilter(request, response);
            return;
        }
        identityService.setAuthentication(officer.getName(), officer.groupIds(), tenants.tenantsOf(officer.getName()));
        try {
            chain.doFilter(request, response);
        } finally {
            identityService.clearAuthentication();
        }
    }
}

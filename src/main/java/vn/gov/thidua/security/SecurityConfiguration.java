package vn.gov.thidua.security;

import jakarta.servlet.DispatcherType;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import vn.gov.thidua.engine.CampaignTenants;
import vn.gov.thidua.engine.WebappPageNonce;

/**
 * Who may call what. Three doors, one identity (Camunda's users and groups, kept by the directory):
 * the webapps under /camunda sign officers in themselves; /engine-rest takes HTTP Basic through Camunda's own
 * filter, so the engine's authorizations decide what each caller sees; the product's /api takes HTTP Basic or the
 * webapps' session (with its XSRF token), and checks roles here and per campaign in the services. Everything that
 * is neither webapp nor engine REST (the API, its description, the dashboard, dossiers.html, any path added later)
 * falls in the product's chain and needs a signed-in caller. Health, the webapps' login pages and assets, and the
 * root's redirect to them are the only things open to anonymous callers.
 */
@Configuration
@ConditionalOnWebApplication
public class SecurityConfiguration {

    @Bean
    AuthenticationManager authenticationManager(CamundaIdentityAuthenticationProvider provider) {
        return new ProviderManager(provider);
    }

    /**
     * The product's pages inline only styles (dashboard, dossiers.html), never scripts; nothing may frame them but
     * the product itself, as the Camunda webapps already say for theirs.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline';"
            + " img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'";

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, AuthenticationManager authentication, Officers officers,
                                    ProblemResponses problems, IdentityService identityService,
                                    CampaignTenants tenants) throws Exception {
        // the webapps and the engine REST API authenticate themselves (their own filters, below and in Camunda's
        // starter); every other path is the product's, including ones nobody has thought of yet
        http.securityMatcher(new NegatedRequestMatcher(new OrRequestMatcher(
                        PathPatternRequestMatcher.withDefaults().matcher("/camunda/**"),
                        PathPatternRequestMatcher.withDefaults().matcher("/engine-rest/**"))))
                .csrf(AbstractHttpConfigurer::disable)
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .frameOptions(HeadersConfigurer.FrameOptionsConfig::sameOrigin))
                // the webapps' session is only read here; its login already renews the session id, so renewing it again
                // on the first API call would just cut off a page still holding the old cookie
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.NEVER)
                        .sessionFixation(fixation -> fixation.none()))
                // every request proves itself (Basic, or the webapps' session and, to change anything, its token): a
                // security context kept in the session would let a later request skip the token check
                .securityContext(context -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
                .authenticationManager(authentication)
                .httpBasic(basic -> basic.realmName("thidua"))
                .addFilterBefore(new CamundaWebappSessionFilter(officers, problems), BasicAuthenticationFilter.class)
                .addFilterAfter(new EngineIdentityFilter(identityService, tenants), BasicAuthenticationFilter.class)
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint((request, response, e) -> {
                            response.setHeader("WWW-Authenticate", "Basic realm=\"thidua\"");
                            problems.write(response, 401, "Cần đăng nhập: gửi tên đăng nhập và mật khẩu (HTTP Basic) hoặc đăng nhập Tasklist/Cockpit trước.");
                        })
                        .accessDeniedHandler((request, response, e) ->
                                problems.write(response, 403, "Bạn không có quyền thực hiện thao tác này.")))
                .authorizeHttpRequests(requests -> requests
                        // an error page rendered for a request already checked (or for a webapp path) is not a new door
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        // the root only redirects to the webapps' login; browsers ask for the icon unasked; every
                        // webapp page probes /camunda-welcome before sign-in, and a 401 there (with its Basic challenge)
                        // made the browser drop the sign-in form's input: it must find nothing (404), as it does
                        .requestMatchers(HttpMethod.GET, "/", "/favicon.ico", "/camunda-welcome").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/agencies/**", "/api/officers/**", "/api/calendar/**").authenticated()
                        .requestMatchers("/api/agencies/**", "/api/officers/**", "/api/calendar/**").hasRole(Officers.ADMIN)
                        .requestMatchers(HttpMethod.POST, "/api/campaigns", "/api/campaign-definitions")
                        .hasAnyRole(Officers.ADMIN, Officers.BOARD)
                        .anyRequest().authenticated());
        return http.build();
    }

    /** Malformed paths are refused before any filter, webapp or engine REST API sees them. */
    @Bean
    FilterRegistrationBean<PathFirewallFilter> pathFirewall(ProblemResponses problems) {
        FilterRegistrationBean<PathFirewallFilter> registration = new FilterRegistrationBean<>(new PathFirewallFilter(problems));
        registration.setName("path-firewall");
        registration.addUrlPatterns("/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    /** Runs before everything, the webapps and the engine REST API included. */
    @Bean
    FilterRegistrationBean<KnownAdvisoriesFilter> knownAdvisories(ProblemResponses problems) {
        FilterRegistrationBean<KnownAdvisoriesFilter> registration = new FilterRegistrationBean<>(new KnownAdvisoriesFilter(problems));
        registration.setName("known-advisories");
        registration.addUrlPatterns("/camunda/*", "/engine-rest/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /** Before the webapps' header filter: each page gets the script nonce of its own response (WebappPageNonce). */
    @Bean
    FilterRegistrationBean<WebappPageNonce> webappPageNonce() {
        FilterRegistrationBean<WebappPageNonce> registration = new FilterRegistrationBean<>(new WebappPageNonce());
        registration.setName("webapp-page-nonce");
        registration.addUrlPatterns("/camunda/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        return registration;
    }

    /**
     * Camunda's own HTTP Basic filter on the engine REST API: the engine then checks its authorizations per caller. Its
     * provider signs the caller in in one transaction (EngineRestBasicAuthentication).
     */
    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
        FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new EveryPathEngineAuthenticationFilter());
        registration.setName("engine-rest-authentication");
        registration.addInitParameter("authentication-provider", EngineRestBasicAuthentication.class.getName());
        registration.addUrlPatterns("/engine-rest/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return registration;
    }
}

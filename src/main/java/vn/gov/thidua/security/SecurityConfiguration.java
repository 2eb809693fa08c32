package vn.gov.thidua.security;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
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
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import vn.gov.thidua.engine.CampaignTenants;

/**
 * Who may call what. Three doors, one identity (Camunda's users and groups, kept by the directory):
 * the webapps under /camunda sign officers in themselves; /engine-rest takes HTTP Basic through Camunda's own
 * filter, so the engine's authorizations decide what each caller sees; the product's /api takes HTTP Basic or the
 * webapps' session (with its XSRF token), and checks roles here and per campaign in the services. Health and the
 * webapps' login pages and assets are the only things open to anonymous callers.
 */
@Configuration
@ConditionalOnWebApplication
public class SecurityConfiguration {

    @Bean
    AuthenticationManager authenticationManager(CamundaIdentityAuthenticationProvider provider) {
        return new ProviderManager(provider);
    }

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, AuthenticationManager authentication, Officers officers,
                                    ProblemResponses problems, IdentityService identityService,
                                    CampaignTenants tenants) throws Exception {
        http.securityMatcher("/api/**", "/api-docs/**", "/actuator/**", "/dashboard/**")
                .csrf(AbstractHttpConfigurer::disable)
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
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/agencies/**", "/api/officers/**", "/api/calendar/**").authenticated()
                        .requestMatchers("/api/agencies/**", "/api/officers/**", "/api/calendar/**").hasRole(Officers.ADMIN)
                        .requestMatchers(HttpMethod.POST, "/api/campaigns", "/api/campaign-definitions")
                        .hasAnyRole(Officers.ADMIN, Officers.BOARD)
                        .anyRequest().authenticated());
        return http.build();
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

    /** Camunda's own HTTP Basic filter on the engine REST API: the engine then checks its authorizations per caller. */
    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
        FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.setName("engine-rest-authentication");
        registration.addInitParameter("authentication-provider", HttpBasicAuthenticationProvider.class.getName());
        registration.addUrlPatterns("/engine-rest/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return registration;
    }
}

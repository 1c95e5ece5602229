package com.salescadence.web;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * Who may call what. The product's API (/api) and the engine's REST API (/engine-rest) need HTTP Basic
 * authentication against the Camunda identities (kept in step with the organization's people). The
 * Camunda web apps (Tasklist, Cockpit, Admin) have their own login and CSRF protection; /api also accepts
 * their sign-in, for the dashboard pages.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    /** The authority of the Camunda administrators' group (Role.ADMIN), as the provider below names groups. */
    static final String ADMIN_AUTHORITY = "GROUP_camunda-admin";

    /**
     * Actuator: the health summary is public (load balancers, docker health checks); its details
     * (show-details when-authorized) and every other endpoint (metrics) need an administrator by HTTP Basic.
     */
    @Bean
    @Order(0)
    SecurityFilterChain actuatorSecurity(HttpSecurity http, AuthenticationProvider camundaUsers) throws Exception {
        return http.securityMatcher("/actuator/**")
                .authorizeHttpRequests(auth -> auth
                        // asking the mail server's health dials it: administrators only
                        .requestMatchers("/actuator/health/mail", "/actuator/health/mail/**").hasAuthority(ADMIN_AUTHORITY)
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                        .anyRequest().hasAuthority(ADMIN_AUTHORITY))
                .authenticationProvider(camundaUsers)
                .httpBasic(Customizer.withDefaults())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .build();
    }

    /**
     * The product's API: HTTP Basic, or the Camunda web apps' sign-in (the dashboard pages call it with the
     * Tasklist session; see {@link TasklistSessionAuthenticationFilter} for its CSRF rule).
     */
    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http, AuthenticationProvider camundaUsers, IdentityService identityService)
            throws Exception {
        return http.securityMatcher("/api/**")
                .authorizeHttpRequests(auth -> auth
                        // a new person sets their password with the one-time link of their mail: no sign-in yet
                        .requestMatchers("/api/password", "/api/password/**").permitAll()
                        // the teams' chat robots (their tokens and secrets) and everyone's channels: administrators only
                        .requestMatchers("/api/chat-channels", "/api/chat-channels/**", "/api/notification-channels",
                                "/api/notification-channels/**").hasAuthority(ADMIN_AUTHORITY)
                        .anyRequest().authenticated())
                .authenticationProvider(camundaUsers)
                .httpBasic(Customizer.withDefaults())
                .addFilterBefore(new TasklistSessionAuthenticationFilter(new CamundaUserAuthorities(identityService)),
                        BasicAuthenticationFilter.class)
                // no session fixation protection here: it would give the web apps' session a new id on every API
                // call the dashboard makes with it, and its parallel calls would lose the session (the web apps'
                // login already starts a new session)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS)
                        .sessionFixation(fixation -> fixation.none()))
                .csrf(csrf -> csrf.disable())
                .build();
    }

    /**
     * The dashboard pages run only their own scripts and styles and talk only to this server: a script slipped
     * into the data could not run even if it were ever put into the page as HTML.
     */
    static final String DASHBOARD_CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
            + "frame-ancestors 'self'";

    /** Everything else is guarded by the Camunda web apps and by the engine-rest filter below. */
    @Bean
    @Order(2)
    SecurityFilterChain otherSecurity(HttpSecurity http) throws Exception {
        return http.authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .headers(headers -> headers.frameOptions(frame -> frame.sameOrigin())
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
                                PathPatternRequestMatcher.withDefaults().matcher("/dashboard/**"),
                                new StaticHeadersWriter("Content-Security-Policy", DASHBOARD_CSP)))
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
                                PathPatternRequestMatcher.withDefaults().matcher("/people/**"),
                                new StaticHeadersWriter("Content-Security-Policy", DASHBOARD_CSP)))
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
                                PathPatternRequestMatcher.withDefaults().matcher("/chat/**"),
                                new StaticHeadersWriter("Content-Security-Policy", DASHBOARD_CSP)))
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
                                PathPatternRequestMatcher.withDefaults().matcher("/password/**"),
                                new StaticHeadersWriter("Content-Security-Policy", DASHBOARD_CSP)))
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
                                PathPatternRequestMatcher.withDefaults().matcher("/deals/**"),
                                new StaticHeadersWriter("Content-Security-Policy", DASHBOARD_CSP))))
                .build();
    }

    @Bean
    AuthenticationProvider camundaUsers(IdentityService identityService) {
        CamundaUserAuthorities authorities = new CamundaUserAuthorities(identityService);
        return new AuthenticationProvider() {
            @Override
            public Authentication authenticate(Authentication authentication) {
                String user = authentication.getName();
                String password = String.valueOf(authentication.getCredentials());
                if (user == null || !identityService.checkPassword(user, password)) {
                    throw new BadCredentialsException("Wrong user name or password");
                }
                return UsernamePasswordAuthenticationToken.authenticated(user, null, authorities.of(user));
            }

            @Override
            public boolean supports(Class<?> type) {
                return UsernamePasswordAuthenticationToken.class.isAssignableFrom(type);
            }
        };
    }

    /** The engine's REST API authenticates with HTTP Basic; Camunda authorization then applies per user. */
    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
        FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.addUrlPatterns("/engine-rest/*");
        registration.addInitParameter("authentication-provider", HttpBasicAuthenticationProvider.class.getName());
        registration.setName("camunda-engine-rest-authentication");
        registration.setOrder(100);
        return registration;
    }
}

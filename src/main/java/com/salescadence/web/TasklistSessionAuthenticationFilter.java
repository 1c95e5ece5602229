package com.salescadence.web;

import java.io.IOException;
import java.util.Set;

import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/**
 * Lets a person signed in to the Camunda web apps (Tasklist, Cockpit) call /api from the dashboard pages
 * without typing the password again: when a request has no HTTP Basic header, the Camunda authentication of
 * the default engine kept in the HTTP session becomes the Spring authentication, with the same authorities
 * HTTP Basic gives that user.
 * <p>
 * The session cookie is sent by the browser with any request to this host, also one caused by another site
 * (a cross-site form). A request that changes something (not GET, HEAD, OPTIONS) and is authenticated by the
 * session must therefore carry {@code X-Requested-With: XMLHttpRequest}, which a cross-site form cannot set
 * and a cross-site script can set only after a CORS preflight this application never allows; otherwise 403.
 */
final class TasklistSessionAuthenticationFilter extends OncePerRequestFilter {

    static final String ENGINE = "default";
    static final String REQUESTED_WITH = "X-Requested-With";
    static final String XML_HTTP_REQUEST = "XMLHttpRequest";
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    private final CamundaUserAuthorities authorities;
    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

    TasklistSessionAuthenticationFilter(CamundaUserAuthorities authorities) {
        this.authorities = authorities;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String user = hasBasicHeader(request) ? null : sessionUser(request);
        if (user == null || !authorities.exists(user)) {
            chain.doFilter(request, response); // HTTP Basic, or nobody: the chain answers 401
            return;
        }
        if (!SAFE_METHODS.contains(request.getMethod()) && !XML_HTTP_REQUEST.equals(request.getHeader(REQUESTED_WITH))) {
            response.setStatus(HttpStatus.FORBIDDEN.value());
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write("{\"error\":\"A change made with the Tasklist sign-in needs the header "
                    + REQUESTED_WITH + ": " + XML_HTTP_REQUEST + "\"}");
            return;
        }
        SecurityContext context = contexts.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, authorities.of(user)));
        contexts.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            contexts.clearContext();
        }
    }

    private static boolean hasBasicHeader(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        return header != null && header.regionMatches(true, 0, "Basic ", 0, 6);
    }

    /** The user signed in to the web apps for the default engine, or null; never creates a session. */
    private static String sessionUser(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return null;
        }
        Authentications signedIn = AuthenticationUtil.getAuthsFromSession(session);
        Authentication authentication = signedIn.getAuthenticationForProcessEngine(ENGINE);
        return authentication == null ? null : authentication.getIdentityId();
    }
}

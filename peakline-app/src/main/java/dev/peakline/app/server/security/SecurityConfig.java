package dev.peakline.app.server.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.peakline.app.server.web.ApiErrors;
import dev.peakline.problems.ErrorCode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Deny by default. Pages and the API take a session made by the login form (CSRF token in the XSRF-TOKEN cookie,
 * echoed in the X-XSRF-TOKEN header) or a bearer token ({@code Authorization: Bearer plk_…}, no CSRF). Unauthenticated
 * API calls get 401 as Problem Details; pages redirect to the login page.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfig {
    static final String[] PUBLIC = {
        "/login.html",
        "/login",
        "/disclosure.html",
        "/api/v1/public/**",
        "/error",
        "/actuator/health",
        "/actuator/health/**",
        "/v3/api-docs",
        "/v3/api-docs/**",
        "/swagger-ui.html",
        "/swagger-ui/**",
        "/css/**",
        "/js/**",
        "/webjars/**",
        "/favicon.ico"
    };

    @Bean
    PasswordEncoder passwordEncoder() {
        // bcrypt, with the algorithm named in each hash ({bcrypt}…) so it can be upgraded without a migration
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /**
     * The gateways' door: no users, sessions or CSRF; each request carries a gateway token that the ingest API checks
     * (and records a refusal of). Ordered before the users' chain, which takes everything else.
     */
    @Bean
    @org.springframework.core.annotation.Order(1)
    SecurityFilterChain ingestChain(HttpSecurity http) throws Exception {
        http.securityMatcher("/ingest/**")
                .authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(
                        org.springframework.security.config.http.SessionCreationPolicy.STATELESS))
                .requestCache(r -> r.disable());
        return http.build();
    }

    @Bean
    SecurityFilterChain filterChain(
            HttpSecurity http, Accounts accounts, PasswordEncoder encoder, LoginThrottle throttle, ObjectMapper json)
            throws Exception {
        RequestMatcher api = r -> r.getRequestURI().startsWith(r.getContextPath() + "/api/");
        RequestMatcher bearer = r -> {
            String h = r.getHeader("Authorization");
            return h != null && h.startsWith("Bearer ");
        };
        http.authorizeHttpRequests(
                        a -> a.requestMatchers(PUBLIC).permitAll().anyRequest().authenticated())
                .authenticationProvider(throttled(accounts, encoder, throttle))
                // the token lives in the session (an attacker who plants a cookie cannot choose it); pages read a copy
                // from the XSRF-TOKEN cookie that CsrfCookieFilter writes
                .csrf(c -> c.csrfTokenRepository(sessionCsrf())
                        .csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler())
                        .ignoringRequestMatchers(bearer))
                .addFilterAfter(new CsrfCookieFilter(), BasicAuthenticationFilter.class)
                .addFilterBefore(new BearerFilter(accounts, json), UsernamePasswordAuthenticationFilter.class)
                .formLogin(f -> f.loginPage("/login.html")
                        .loginProcessingUrl("/login")
                        .successHandler((req, res, auth) -> {
                            PeaklineUser u = (PeaklineUser) auth.getPrincipal();
                            res.setContentType(MediaType.APPLICATION_JSON_VALUE);
                            json.writeValue(
                                    res.getOutputStream(),
                                    Map.of(
                                            "username",
                                            u.getUsername(),
                                            "role",
                                            u.role().name()));
                        })
                        .failureHandler((req, res, ex) -> loginFailed(req, res, ex, json))
                        .permitAll())
                .logout(l -> l.logoutUrl("/logout").logoutSuccessHandler((req, res, auth) -> res.setStatus(204)))
                .exceptionHandling(e -> e.defaultAuthenticationEntryPointFor(
                                (req, res, ex) -> write(
                                        res,
                                        json,
                                        req,
                                        ErrorCode.AUTH_REQUIRED,
                                        "sign in (session) or send a bearer token"),
                                api)
                        .defaultAuthenticationEntryPointFor(
                                new LoginUrlAuthenticationEntryPoint("/login.html"), AnyRequest.INSTANCE)
                        .accessDeniedHandler((req, res, ex) -> write(
                                res,
                                json,
                                req,
                                ErrorCode.CSRF_OR_ACCESS,
                                "refused: missing or stale CSRF token, or no access")))
                .headers(h -> h.contentSecurityPolicy(
                                c -> c.policyDirectives(
                                        "default-src 'self'; img-src 'self' data:;"
                                                + " style-src 'self' 'unsafe-inline'; script-src 'self'; frame-ancestors 'none'"))
                        .frameOptions(f -> f.deny())
                        .referrerPolicy(r -> r.policy(
                                org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter
                                        .ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }

    /** CSRF tokens kept in the session, echoed by pages in the X-XSRF-TOKEN header. */
    private static HttpSessionCsrfTokenRepository sessionCsrf() {
        HttpSessionCsrfTokenRepository r = new HttpSessionCsrfTokenRepository();
        r.setHeaderName("X-XSRF-TOKEN");
        return r;
    }

    private enum AnyRequest implements RequestMatcher {
        INSTANCE;

        @Override
        public boolean matches(HttpServletRequest request) {
            return true;
        }
    }

    private static AuthenticationProvider throttled(
            Accounts accounts, PasswordEncoder encoder, LoginThrottle throttle) {
        DaoAuthenticationProvider dao = new DaoAuthenticationProvider(accounts);
        dao.setPasswordEncoder(encoder);
        return new AuthenticationProvider() {
            @Override
            public Authentication authenticate(Authentication auth) {
                String user = auth.getName();
                String address = auth.getDetails() instanceof WebAuthenticationDetails d ? d.getRemoteAddress() : "";
                long wait = throttle.retryAfter(user, address);
                if (wait > 0) {
                    throw new LockedException(String.valueOf(wait));
                }
                try {
                    Authentication a = dao.authenticate(auth);
                    throttle.succeeded(user, address);
                    return a;
                } catch (AuthenticationException e) {
                    throttle.failed(user, address);
                    throw e;
                }
            }

            @Override
            public boolean supports(Class<?> type) {
                return UsernamePasswordAuthenticationToken.class.isAssignableFrom(type);
            }
        };
    }

    private static void loginFailed(
            HttpServletRequest req, HttpServletResponse res, AuthenticationException ex, ObjectMapper json)
            throws IOException {
        if (ex instanceof LockedException && ex.getMessage().matches("[0-9]+")) {
            res.setHeader("Retry-After", ex.getMessage());
            write(
                    res,
                    json,
                    req,
                    ErrorCode.AUTH_THROTTLED,
                    "too many failed logins; try again in " + ex.getMessage() + " s");
            return;
        }
        write(res, json, req, ErrorCode.AUTH_FAILED, "wrong username or password");
    }

    static void write(HttpServletResponse res, ObjectMapper json, HttpServletRequest req, ErrorCode code, String detail)
            throws IOException {
        ProblemDetail p = ApiErrors.problem(code, detail, List.of(), req);
        res.setStatus(p.getStatus());
        res.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(res.getOutputStream(), p);
    }

    /** Writes the CSRF cookie on every response, so pages can read it before their first change. */
    static final class CsrfCookieFilter extends OncePerRequestFilter {
        @Override
        protected void doFilterInternal(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
                throws ServletException, IOException {
            CsrfToken token = (CsrfToken) req.getAttribute(CsrfToken.class.getName());
            if (token != null && !token.getToken().equals(sent(req))) {
                // a copy for the page's script to echo in X-XSRF-TOKEN; the session's copy is what is checked. Only
                // written when the browser's copy differs, not on every response
                jakarta.servlet.http.Cookie cookie = new jakarta.servlet.http.Cookie("XSRF-TOKEN", token.getToken());
                cookie.setPath("/");
                cookie.setSecure(req.isSecure());
                cookie.setAttribute("SameSite", "Strict");
                res.addCookie(cookie);
            }
            chain.doFilter(req, res);
        }

        private static String sent(HttpServletRequest req) {
            if (req.getCookies() != null) {
                for (jakarta.servlet.http.Cookie c : req.getCookies()) {
                    if (c.getName().equals("XSRF-TOKEN")) {
                        return c.getValue();
                    }
                }
            }
            return null;
        }
    }

    /** Authenticates {@code Authorization: Bearer} requests; an invalid token is a 401, never a fallback. */
    static final class BearerFilter extends OncePerRequestFilter {
        private final Accounts accounts;
        private final ObjectMapper json;

        BearerFilter(Accounts accounts, ObjectMapper json) {
            this.accounts = accounts;
            this.json = json;
        }

        /** Gateway tokens on the ingest path are the ingest API's to check, not users' tokens. */
        @Override
        protected boolean shouldNotFilter(HttpServletRequest req) {
            return req.getRequestURI().startsWith(req.getContextPath() + "/ingest/");
        }

        @Override
        protected void doFilterInternal(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
                throws ServletException, IOException {
            String h = req.getHeader("Authorization");
            if (h != null && h.startsWith("Bearer ")) {
                var user = accounts.byToken(h.substring(7).strip());
                if (user.isEmpty()) {
                    write(res, json, req, ErrorCode.AUTH_TOKEN, "the bearer token is unknown, revoked or expired");
                    return;
                }
                var auth = UsernamePasswordAuthenticationToken.authenticated(
                        user.get(), null, user.get().getAuthorities());
                var context = SecurityContextHolder.createEmptyContext();
                context.setAuthentication(auth);
                SecurityContextHolder.setContext(context);
            }
            chain.doFilter(req, res);
        }
    }
}

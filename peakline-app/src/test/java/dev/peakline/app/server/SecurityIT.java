package dev.peakline.app.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.peakline.app.server.setup.Startup;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Deny by default: every endpoint needs a caller, and every caller stays within its scope. */
class SecurityIT extends ServerTest {

    String own(String user) {
        return as(user).json(as(user).get("/api/v1/me"), 200).get("enterprise").asText();
    }

    @Test
    void everyApiEndpointAnswers401WithoutACaller() {
        String e = own("enterprise");
        List<String> gets = List.of(
                "/api/v1/me",
                "/api/v1/regions/520000",
                "/api/v1/regions/520000/dashboard?year=2024",
                "/api/v1/regions/520000/enterprises?year=2024",
                "/api/v1/enterprises/" + e,
                "/api/v1/enterprises/" + e + "/account?year=2024",
                "/api/v1/enterprises/" + e + "/account/2024-01/explain",
                "/api/v1/enterprises/" + e + "/filings?year=2024",
                "/api/v1/enterprises/" + e + "/template.xlsx?period=2024-01",
                "/api/v1/filings/1",
                "/api/v1/filings/queue",
                "/api/v1/factor-sets",
                "/api/v1/factor-sets/peakline-reference/" + dev.peakline.reference.FactorSetLoader.SHIPPED_VERSION,
                "/api/v1/factor-sets/recompute/1");
        List<String> posts = List.of(
                "/api/v1/enterprises/" + e + "/filings",
                "/api/v1/filings/1/submit",
                "/api/v1/filings/1/approve",
                "/api/v1/filings/1/return",
                "/api/v1/me/tokens",
                "/api/v1/factor-sets/activations",
                "/api/v1/factor-sets/recompute");
        Client anon = anonymous();
        anon.get("/actuator/health"); // a CSRF cookie, so the POSTs are refused for want of a caller, not of a token
        for (String path : gets) {
            HttpResponse<String> r = anon.get(path);
            assertThat(r.statusCode()).as("GET " + path).isEqualTo(401);
            assertThat(r.body()).as(path).contains("\"code\":\"auth.required\"");
        }
        for (String path : posts) {
            assertThat(anon.post(path, "{}").statusCode()).as("POST " + path).isEqualTo(401);
        }
        assertThat(anon.put("/api/v1/filings/1", "{}").statusCode()).isEqualTo(401);
        // pages send people to the login page instead
        HttpResponse<String> page = anon.get("/dashboard.html");
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location").orElse("")).endsWith("/login.html");
    }

    @Test
    void whatIsPublicIsOnlyHealthDocsAndTheLoginPage() {
        Client anon = anonymous();
        assertThat(anon.json(anon.get("/actuator/health"), 200).get("status").asText())
                .isEqualTo("UP");
        assertThat(anon.get("/v3/api-docs").body()).contains("/api/v1/regions/{code}/dashboard");
        assertThat(anon.get("/login.html").statusCode()).isEqualTo(200);
    }

    @Test
    void wrongPasswordsAreRefusedAndThenThrottled() {
        Client c = anonymous();
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> r = c.loginAs("guiyang", "wrong-" + i);
            assertThat(r.statusCode()).isEqualTo(401);
            assertThat(r.body()).contains("auth.failed");
        }
        // the sixth attempt is refused even with the right password
        HttpResponse<String> r = c.loginAs("guiyang", Startup.DEMO_PASSWORD);
        assertThat(r.statusCode()).isEqualTo(429);
        assertThat(r.headers().firstValue("Retry-After")).isPresent();
        throttle.reset();
        assertThat(c.loginAs("guiyang", Startup.DEMO_PASSWORD).statusCode()).isEqualTo(200);
    }

    @Test
    void anEnterpriseUserSeesOnlyItsOwnEnterprise() {
        String mine = own("enterprise");
        String other = own("enterprise2");
        assertThat(mine).isNotEqualTo(other);
        Client c = as("enterprise");
        assertThat(c.get("/api/v1/enterprises/" + mine + "/account?year=2024").statusCode())
                .isEqualTo(200);
        for (String path : List.of(
                "/api/v1/enterprises/" + other,
                "/api/v1/enterprises/" + other + "/account?year=2024",
                "/api/v1/enterprises/" + other + "/filings?year=2024",
                "/api/v1/enterprises/" + other + "/account/2024-01/explain",
                "/api/v1/regions/520000/dashboard?year=2024",
                "/api/v1/filings/queue")) {
            HttpResponse<String> r = c.get(path);
            assertThat(r.statusCode()).as(path).isEqualTo(403);
            assertThat(r.body()).contains("scope.denied");
        }
        assertThat(c.post("/api/v1/enterprises/" + other + "/filings", "{\"period\":\"2025-01\",\"activity\":[]}")
                        .statusCode())
                .isEqualTo(403);
        // a filing of another enterprise cannot be read or acted on either
        long theirs = as("enterprise2")
                .json(as("enterprise2").get("/api/v1/enterprises/" + other + "/filings?year=2024"), 200)
                .get(0)
                .get("id")
                .asLong();
        assertThat(c.get("/api/v1/filings/" + theirs).statusCode()).isEqualTo(403);
        assertThat(c.post("/api/v1/filings/" + theirs + "/submit", "{}").statusCode())
                .isEqualTo(403);
        assertThat(c.post("/api/v1/filings/" + theirs + "/approve", "{}").statusCode())
                .isEqualTo(403);
    }

    @Test
    void aGovernmentUserSeesItsRegionSubtreeOnly() {
        Client city = as("guiyang");
        assertThat(city.get("/api/v1/regions/520100/dashboard?year=2024").statusCode())
                .isEqualTo(200);
        assertThat(city.get("/api/v1/regions/520181/dashboard?year=2024").statusCode())
                .isEqualTo(200);
        assertThat(city.get("/api/v1/regions/520000/dashboard?year=2024").statusCode())
                .isEqualTo(403);
        assertThat(city.get("/api/v1/regions/520300/enterprises?year=2024").statusCode())
                .isEqualTo(403);
        assertThat(city.get("/api/v1/enterprises/" + own("enterprise2")).statusCode())
                .isEqualTo(403);
        // read only: no filing, no approval, no factor administration
        assertThat(city.post("/api/v1/enterprises/" + own("enterprise") + "/filings", "{}")
                        .statusCode())
                .isEqualTo(403);
        assertThat(city.post("/api/v1/factor-sets/recompute", "{\"region\":\"520100\"}")
                        .statusCode())
                .isEqualTo(403);
        // unknown and malformed regions are told apart from forbidden ones
        assertThat(city.get("/api/v1/regions/529999/dashboard?year=2024").statusCode())
                .isEqualTo(404);
        assertThat(city.get("/api/v1/regions/52ab/dashboard?year=2024").statusCode())
                .isEqualTo(422);
    }

    @Test
    void aVerifierActsOnlyOnAssignedEnterprises() {
        Client v = as("verifier");
        assertThat(v.get("/api/v1/enterprises/" + own("enterprise") + "/account?year=2024")
                        .statusCode())
                .isEqualTo(200);
        assertThat(v.get("/api/v1/enterprises/" + own("enterprise2")).statusCode())
                .isEqualTo(403);
        assertThat(v.json(v.get("/api/v1/filings/queue"), 200).isArray()).isTrue();
        assertThat(v.post("/api/v1/enterprises/" + own("enterprise") + "/filings", "{}")
                        .statusCode())
                .isEqualTo(403);
    }

    @Test
    void bearerTokensWorkWithoutCsrfAndUnknownTokensAreRefused() {
        Client session = as("province");
        JsonNode t = session.json(session.post("/api/v1/me/tokens", "{\"name\":\"script\",\"days\":7}"), 201);
        String token = t.get("token").asText();
        assertThat(token).startsWith("plk_").hasSize(68);
        Client api = anonymous();
        api.bearer = token;
        assertThat(api.json(api.get("/api/v1/me"), 200).get("username").asText())
                .isEqualTo("province");
        // a POST with a bearer token needs no CSRF token (there is no cookie to forge)
        assertThat(api.post("/api/v1/me/tokens", "{\"name\":\"second\",\"days\":3}")
                        .statusCode())
                .isEqualTo(201);
        // a 7-day token cannot mint a 365-day one: only a session can
        JsonNode longer = api.json(api.post("/api/v1/me/tokens", "{\"name\":\"third\",\"days\":365}"), 403);
        assertThat(longer.get("code").asText()).isEqualTo("token.lifetime");
        // nor change the password
        assertThat(api.post("/api/v1/me/password", "{\"current\":\"x\",\"password\":\"y\"}")
                        .statusCode())
                .isEqualTo(403);
        api.bearer = "plk_" + "0".repeat(64);
        assertThat(api.get("/api/v1/me").statusCode()).isEqualTo(401);
        assertThat(api.get("/api/v1/me").body()).contains("auth.token");
    }

    @Test
    void aSessionChangeWithoutTheCsrfTokenIsRefused() {
        Client c = as("province");
        var r = c.send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://127.0.0.1:" + port + "/api/v1/me/tokens"))
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"name\":\"x\"}")));
        assertThat(r.statusCode()).isEqualTo(403);
    }
}

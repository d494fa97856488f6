package dev.peakline.app.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.peakline.app.server.setup.Startup;
import org.junit.jupiter.api.Test;

/** The administrator manages users; a user changes their own password under the policy. */
class UsersIT extends ServerTest {
    @Test
    void anAdministratorCreatesChangesLocksAndResetsAUser() {
        Client admin = as("admin");
        String guiyang =
                admin.json(admin.get("/api/v1/me"), 200).path("username").asText();
        assertThat(guiyang).isEqualTo("admin");

        JsonNode weak = admin.json(
                admin.post(
                        "/api/v1/admin/users",
                        "{\"username\":\"zunyi-analyst\",\"displayName\":\"遵义市发改委\",\"role\":\"GOVERNMENT\","
                                + "\"region\":\"520300\",\"password\":\"password1234\"}"),
                422);
        assertThat(weak.get("problems").get(0).get("column").asText()).isEqualTo("password");
        JsonNode noRegion = admin.json(
                admin.post(
                        "/api/v1/admin/users",
                        "{\"username\":\"zunyi-analyst\",\"displayName\":\"遵义市发改委\",\"role\":\"GOVERNMENT\","
                                + "\"region\":\"529999\",\"password\":\"黔北-遵义-2026-分析\"}"),
                422);
        assertThat(noRegion.get("problems").get(0).get("column").asText()).isEqualTo("region");

        JsonNode created = admin.json(
                admin.post(
                        "/api/v1/admin/users",
                        "{\"username\":\"zunyi-analyst\",\"displayName\":\"遵义市发改委\",\"role\":\"GOVERNMENT\","
                                + "\"region\":\"520300\",\"password\":\"黔北-遵义-2026-分析\"}"),
                201);
        assertThat(created.get("region").asText()).isEqualTo("520300");
        assertThat(created.toString()).doesNotContain("passwordHash").doesNotContain("bcrypt");
        assertThat(admin.post(
                                "/api/v1/admin/users",
                                "{\"username\":\"zunyi-analyst\",\"displayName\":\"x\",\"role\":\"GOVERNMENT\","
                                        + "\"region\":\"520300\",\"password\":\"黔北-遵义-2026-分析\"}")
                        .statusCode())
                .isEqualTo(409);

        // the new user signs in and sees Zunyi (520300), not Guiyang (520100)
        Client zunyi = new Client();
        assertThat(zunyi.loginAs("zunyi-analyst", "黔北-遵义-2026-分析").statusCode()).isEqualTo(200);
        zunyi.get("/api/v1/me");
        assertThat(zunyi.get("/api/v1/regions/520300/dashboard?year=2024").statusCode())
                .isEqualTo(200);
        assertThat(zunyi.get("/api/v1/regions/520100/dashboard?year=2024").statusCode())
                .isEqualTo(403);

        // locked: the next sign-in fails
        admin.json(
                admin.put(
                        "/api/v1/admin/users/zunyi-analyst",
                        "{\"displayName\":\"遵义市发改委\",\"role\":\"GOVERNMENT\",\"region\":\"520300\",\"locked\":true}"),
                200);
        assertThat(new Client().loginAs("zunyi-analyst", "黔北-遵义-2026-分析").statusCode())
                .isEqualTo(401);
        // unlocked and given a new password by the administrator
        admin.json(
                admin.put(
                        "/api/v1/admin/users/zunyi-analyst",
                        "{\"displayName\":\"遵义市发改委\",\"role\":\"GOVERNMENT\",\"region\":\"520300\",\"locked\":false}"),
                200);
        assertThat(admin.post("/api/v1/admin/users/zunyi-analyst/password", "{\"password\":\"新的-遵义-口令-2027\"}")
                        .statusCode())
                .isEqualTo(204);
        assertThat(new Client().loginAs("zunyi-analyst", "黔北-遵义-2026-分析").statusCode())
                .isEqualTo(401);
        assertThat(new Client().loginAs("zunyi-analyst", "新的-遵义-口令-2027").statusCode())
                .isEqualTo(200);

        // an administrator cannot demote themselves; every change is in the audit trail
        assertThat(admin.put(
                                "/api/v1/admin/users/admin",
                                "{\"displayName\":\"x\",\"role\":\"GOVERNMENT\",\"region\":\"520000\"}")
                        .statusCode())
                .isEqualTo(422);
        assertThat(admin.json(admin.get("/api/v1/admin/users"), 200).toString()).contains("zunyi-analyst");
        assertThat(as("province").get("/api/v1/admin/users").statusCode()).isEqualTo(403);
    }

    @Test
    void aUserChangesTheirPasswordWithTheCurrentOneAndThePolicy() {
        Client admin = as("admin");
        admin.json(
                admin.post(
                        "/api/v1/admin/users",
                        "{\"username\":\"anshun-analyst\",\"displayName\":\"安顺市发改委\",\"role\":\"GOVERNMENT\","
                                + "\"region\":\"520400\",\"password\":\"安顺-屯堡-2026-初始\"}"),
                201);
        Client me = new Client();
        assertThat(me.loginAs("anshun-analyst", "安顺-屯堡-2026-初始").statusCode()).isEqualTo(200);
        me.get("/api/v1/me");
        JsonNode wrong =
                me.json(me.post("/api/v1/me/password", "{\"current\":\"nope\",\"password\":\"安顺-黄果树-2026-新\"}"), 422);
        assertThat(wrong.get("code").asText()).isEqualTo("password.current");
        JsonNode weak = me.json(
                me.post("/api/v1/me/password", "{\"current\":\"安顺-屯堡-2026-初始\",\"password\":\"anshun-analyst-1\"}"),
                422);
        assertThat(weak.get("code").asText()).isEqualTo("password.policy");
        assertThat(me.post("/api/v1/me/password", "{\"current\":\"安顺-屯堡-2026-初始\",\"password\":\"安顺-黄果树-2026-新\"}")
                        .statusCode())
                .isEqualTo(204);
        assertThat(new Client().loginAs("anshun-analyst", "安顺-黄果树-2026-新").statusCode())
                .isEqualTo(200);
        assertThat(new Client().loginAs("anshun-analyst", Startup.DEMO_PASSWORD).statusCode())
                .isEqualTo(401);
    }
}

package dev.peakline.app.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** API tokens: made once, listed without their secret, revoked by name with immediate effect, seen by the admin. */
class TokenIT extends ServerTest {

    @Test
    void aRevokedTokenAnswers401AtOnceAndTheAdministratorSeesEveryToken() {
        Client gov = as("guiyang");
        String name = "script-" + System.nanoTime();
        JsonNode made = gov.json(gov.post("/api/v1/me/tokens", "{\"name\":\"" + name + "\",\"days\":30}"), 201);
        String token = made.get("token").asText();
        assertThat(token).startsWith("plk_").hasSize(4 + 64);
        // a second unrevoked token of the same name is refused by the database's constraint
        assertThat(gov.json(gov.post("/api/v1/me/tokens", "{\"name\":\"" + name + "\"}"), 409)
                        .get("code")
                        .asText())
                .isEqualTo("token.exists");

        Client script = anonymous();
        script.bearer = token;
        assertThat(script.json(script.get("/api/v1/me"), 200).get("username").asText())
                .isEqualTo("guiyang");

        JsonNode mine = gov.json(gov.get("/api/v1/me/tokens"), 200);
        assertThat(mine.toString()).contains(name).doesNotContain(token);
        JsonNode all = as("admin").json(as("admin").get("/api/v1/admin/tokens"), 200);
        assertThat(all.toString()).contains(name).doesNotContain(token);
        assertThat(gov.get("/api/v1/admin/tokens").statusCode()).isEqualTo(403);

        assertThat(gov.delete("/api/v1/me/tokens/" + name).statusCode()).isEqualTo(204);
        assertThat(script.json(script.get("/api/v1/me"), 401).get("code").asText())
                .isEqualTo("auth.token");
        assertThat(gov.delete("/api/v1/me/tokens/" + name).statusCode()).isEqualTo(404);
        JsonNode after = gov.json(gov.get("/api/v1/me/tokens"), 200);
        boolean revoked = false;
        for (JsonNode t : after) {
            if (t.get("name").asText().equals(name)) {
                revoked = t.get("revoked").asBoolean();
            }
        }
        assertThat(revoked).isTrue();
        // the name is free again once revoked; the administrator revokes the new one
        gov.json(gov.post("/api/v1/me/tokens", "{\"name\":\"" + name + "\"}"), 201);
        Client admin = as("admin");
        assertThat(admin.delete("/api/v1/admin/tokens/guiyang/" + name).statusCode())
                .isEqualTo(204);
    }
}

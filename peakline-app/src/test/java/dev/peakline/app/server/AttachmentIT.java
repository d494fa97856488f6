package dev.peakline.app.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A draft carries its supporting documents; they are locked with it once submitted and read by the verifier. */
class AttachmentIT extends ServerTest {
    @Test
    void documentsGoWithADraftAreLockedOnSubmissionAndReadByTheVerifier() throws Exception {
        Client ent = as("enterprise");
        String code = ent.json(ent.get("/api/v1/me"), 200).get("enterprise").asText();
        JsonNode f = ent.json(
                ent.post(
                        "/api/v1/enterprises/" + code + "/filings",
                        "{\"period\":\"2026-02\",\"activity\":[{\"carrier\":\"天然气\",\"use\":\"燃烧\",\"amount\":\"10\","
                                + "\"unit\":\"万Nm3\"}]}"),
                201);
        String base = "/api/v1/filings/" + f.get("id").asLong() + "/attachments";
        byte[] pdf = "%PDF-1.4 结算单".getBytes(StandardCharsets.UTF_8);
        JsonNode a = ent.json(ent.upload(base, "结算单.pdf", pdf), 201);
        assertThat(a.get("name").asText()).isEqualTo("结算单.pdf");
        assertThat(a.get("size").asInt()).isEqualTo(pdf.length);
        // a folder in the name is dropped; an empty file is refused
        assertThat(ent.json(ent.upload(base, "C:\\\\扫描\\\\抄表记录.jpg", new byte[] {1, 2}), 201)
                        .get("name")
                        .asText())
                .isEqualTo("抄表记录.jpg");
        assertThat(ent.upload(base, "空.pdf", new byte[0]).statusCode()).isEqualTo(422);
        assertThat(ent.json(ent.get(base), 200)).hasSize(2);

        // submitted: locked; the verifier downloads it as a download, byte for byte
        ent.json(ent.post("/api/v1/filings/" + f.get("id").asLong() + "/submit", ""), 200);
        assertThat(ent.upload(base, "补充.pdf", pdf).statusCode()).isEqualTo(409);
        Client ver = as("verifier");
        HttpResponse<byte[]> got = ver.http.send(
                ver.builder(base + "/" + a.get("id").asLong()).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(got.statusCode()).isEqualTo(200);
        assertThat(got.body()).isEqualTo(pdf);
        assertThat(got.headers().firstValue("Content-Disposition").orElseThrow())
                .startsWith("attachment;");
        assertThat(got.headers().firstValue("Content-Type").orElseThrow()).isEqualTo("application/octet-stream");
        // another enterprise sees nothing of it
        assertThat(as("enterprise2").get(base).statusCode()).isEqualTo(403);
        // the audit trail names the document
        assertThat(ent.json(ent.get("/api/v1/filings/" + f.get("id").asLong()), 200)
                        .get("history")
                        .toString())
                .contains("filing.attach")
                .contains("结算单.pdf");
    }
}

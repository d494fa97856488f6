package dev.peakline.app.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.peakline.problems.ErrorCode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/** The error catalogue is complete, bilingual and documented: docs/errors.md lists every code with its status. */
class ErrorCatalogueTest {
    static final Path DOC = Path.of("..", "docs", "errors.md");

    @Test
    void everyCodeIsListedInDocsErrorsWithItsHttpStatus() throws IOException {
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        for (ErrorCode c : ErrorCode.values()) {
            int status = ApiErrors.status(c.kind()).value();
            assertThat(doc)
                    .as("docs/errors.md lists %s with HTTP %d", c.code(), status)
                    .contains("| `" + c.code() + "` | " + status + " | " + c.zh() + " | " + c.en() + " |");
        }
    }

    @Test
    void codesAreUniqueAndEachHasAChineseAndAnEnglishTitle() {
        Set<String> seen = new HashSet<>();
        for (ErrorCode c : ErrorCode.values()) {
            assertThat(seen.add(c.code())).as("code %s is unique", c.code()).isTrue();
            assertThat(c.code()).matches("[a-z_]+(\\.[a-z_]+)*");
            assertThat(c.zh()).as("%s has a Chinese title", c.code()).containsPattern("\\p{IsHan}");
            assertThat(c.en()).as("%s has an English title", c.code()).matches("[ -~–]+");
            assertThat(ErrorCode.of(c.code())).contains(c);
        }
    }

    @Test
    void validationIs422ConflictsAre409AndOurMistakes500() {
        assertThat(ApiErrors.status(ErrorCode.FILING_INVALID.kind()).value()).isEqualTo(422);
        assertThat(ApiErrors.status(ErrorCode.PERIOD_OPEN.kind()).value()).isEqualTo(409);
        assertThat(ApiErrors.status(ErrorCode.NOT_FOUND.kind()).value()).isEqualTo(404);
        assertThat(ApiErrors.status(ErrorCode.SCOPE_DENIED.kind()).value()).isEqualTo(403);
        assertThat(ApiErrors.status(ErrorCode.INTERNAL.kind()).value()).isEqualTo(500);
    }

    @Test
    void theTitleFollowsTheCallersLanguageChineseFirst() {
        MockHttpServletRequest zh = new MockHttpServletRequest("POST", "/api/v1/x");
        assertThat(ApiErrors.problem(ErrorCode.PERIOD_NOT_ENDED, "2099-01 has not ended", java.util.List.of(), zh)
                        .getTitle())
                .isEqualTo("该月份尚未结束，月份结束后才能填报");
        MockHttpServletRequest en = new MockHttpServletRequest("POST", "/api/v1/x");
        en.addHeader("Accept-Language", "en-GB,en;q=0.9");
        var p = ApiErrors.problem(ErrorCode.PERIOD_NOT_ENDED, "2099-01 has not ended", java.util.List.of(), en);
        assertThat(p.getTitle()).isEqualTo("The month has not ended");
        assertThat(p.getStatus()).isEqualTo(422);
        assertThat(p.getType().toString()).isEqualTo("https://peakline.dev/problems/period.not_ended");
        assertThat(p.getProperties()).containsEntry("code", "period.not_ended");
    }

    @Test
    void aProgrammersErrorAnswers500WithAnErrorIdAndNeverItsText() {
        MockHttpServletRequest req = new MockHttpServletRequest("GET", "/api/v1/x");
        var r = new ApiErrors().internal(req, new NullPointerException("password=hunter2 at row 7"));
        assertThat(r.getStatusCode().value()).isEqualTo(500);
        var body = r.getBody();
        assertThat(body).isNotNull();
        assertThat(body.getProperties().get("errorId").toString()).matches("[0-9a-f]{8}");
        assertThat(body.getDetail())
                .contains(body.getProperties().get("errorId").toString());
        assertThat(body.toString()).doesNotContain("hunter2").doesNotContain("NullPointerException");
    }

    @Test
    void aConflictIsRecognisedByItsConstraintName() {
        var e = new dev.peakline.store.StoreException(new java.sql.SQLException("any text at all", "23505"));
        var r = new ApiErrors().store(new MockHttpServletRequest("POST", "/api/v1/x"), e);
        assertThat(r.getStatusCode().value()).isEqualTo(409);
        assertThat(r.getBody().getProperties()).containsEntry("code", "conflict");
    }
}

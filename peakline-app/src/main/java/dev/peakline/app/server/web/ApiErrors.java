package dev.peakline.app.server.web;

import dev.peakline.problems.Problem;
import dev.peakline.store.StoreException;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Every error as Problem Details (RFC 9457): {@code type} names our stable error code
 * ({@code https://peakline.dev/problems/<code>}), {@code code} repeats it, {@code problems} lists row-level findings.
 */
@RestControllerAdvice
public class ApiErrors {
    private static final Logger LOG = LoggerFactory.getLogger(ApiErrors.class);

    /** A Problem Details body for a status, code and sentence. */
    public static ProblemDetail problem(HttpStatus status, String code, String detail, List<Problem> problems) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        p.setType(URI.create("https://peakline.dev/problems/" + code));
        p.setTitle(status.getReasonPhrase());
        p.setProperty("code", code);
        if (!problems.isEmpty()) {
            p.setProperty(
                    "problems",
                    problems.stream()
                            .map(x -> Map.of(
                                    "code", x.code(),
                                    "source", x.source(),
                                    "row", x.row(),
                                    "column", x.column(),
                                    "message", x.message()))
                            .toList());
        }
        return p;
    }

    private static ResponseEntity<ProblemDetail> respond(
            HttpServletRequest req, HttpStatus status, String code, String detail, List<Problem> problems) {
        ProblemDetail p = problem(status, code, detail, problems);
        p.setInstance(URI.create(req.getRequestURI()));
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(p);
    }

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ProblemDetail> api(HttpServletRequest req, ApiException e) {
        return respond(req, e.status(), e.code(), e.getMessage(), e.problems());
    }

    @ExceptionHandler(StoreException.class)
    ResponseEntity<ProblemDetail> store(HttpServletRequest req, StoreException e) {
        if (e.isConflict()) {
            return respond(req, HttpStatus.CONFLICT, "conflict", conflictDetail(e), List.of());
        }
        LOG.error("database error on {}", req.getRequestURI(), e);
        return respond(req, HttpStatus.INTERNAL_SERVER_ERROR, "database", "the database refused the change", List.of());
    }

    private static String conflictDetail(StoreException e) {
        String m = String.valueOf(
                e.getCause() == null ? e.getMessage() : e.getCause().getMessage());
        if (m.contains("filing_one_open")) {
            return "a version of this month is already open (draft, submitted or returned); finish or correct it first";
        }
        if (m.contains("factor_set_pkey")) {
            return "this factor set version is already loaded";
        }
        if (m.contains("app_user_username_key")) {
            return "the username is taken";
        }
        return "the change conflicts with stored data";
    }

    /** A workflow step that the current state forbids (approve a draft, change an approved filing…). */
    @ExceptionHandler(IllegalStateException.class)
    ResponseEntity<ProblemDetail> state(HttpServletRequest req, IllegalStateException e) {
        return respond(req, HttpStatus.CONFLICT, "state", e.getMessage(), List.of());
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<ProblemDetail> argument(HttpServletRequest req, IllegalArgumentException e) {
        return respond(req, HttpStatus.BAD_REQUEST, "invalid", e.getMessage(), List.of());
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<ProblemDetail> validation(HttpServletRequest req, MethodArgumentNotValidException e) {
        List<Problem> problems = e.getBindingResult().getFieldErrors().stream()
                .map(f -> Problem.at("field.invalid", "request", 0, f.getField(), f.getDefaultMessage()))
                .toList();
        return respond(req, HttpStatus.BAD_REQUEST, "invalid", "the request has invalid fields", problems);
    }

    @ExceptionHandler({
        HttpMessageNotReadableException.class,
        MissingServletRequestParameterException.class,
        MissingServletRequestPartException.class,
        MethodArgumentTypeMismatchException.class
    })
    ResponseEntity<ProblemDetail> unreadable(HttpServletRequest req, Exception e) {
        String detail = e instanceof HttpMessageNotReadableException
                ? "the request body is not valid JSON of the expected shape"
                : e.getMessage();
        return respond(req, HttpStatus.BAD_REQUEST, "invalid", detail, List.of());
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ProblemDetail> tooLarge(HttpServletRequest req, MaxUploadSizeExceededException e) {
        return respond(
                req, HttpStatus.PAYLOAD_TOO_LARGE, "upload.too_large", "the upload exceeds 10 MB; split it", List.of());
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ProblemDetail> method(HttpServletRequest req, HttpRequestMethodNotSupportedException e) {
        return respond(req, HttpStatus.METHOD_NOT_ALLOWED, "method", e.getMessage(), List.of());
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ProblemDetail> none(HttpServletRequest req, NoResourceFoundException e) {
        return respond(req, HttpStatus.NOT_FOUND, "not_found", "no such resource", List.of());
    }
}

package dev.peakline.app.server.web;

import dev.peakline.problems.ErrorCode;
import dev.peakline.problems.Problem;
import dev.peakline.problems.Refusal;
import dev.peakline.store.StoreException;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
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
 * The one place where refusals become HTTP: every error is Problem Details (RFC 9457) whose {@code type} ends in the
 * catalogued code ({@link ErrorCode}), with {@code code}, a {@code title} in the caller's language (Chinese unless
 * English is asked for), the {@code detail} of this case, and {@code problems} (field or row/column, code, message)
 * when there are any. Validation answers 422, state conflicts 409, unknown things 404, scope 403; a programmer's error
 * answers 500 with an error id that is in the log, never the exception's text.
 */
@RestControllerAdvice
// before Spring's own ProblemDetails handler, which would answer malformed bodies without a code
@org.springframework.core.annotation.Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE)
public class ApiErrors {
    private static final Logger LOG = LoggerFactory.getLogger(ApiErrors.class);

    /** The most problems one answer lists; {@code problemCount} gives them all. */
    public static final int MAX_PROBLEMS = 100;

    /** Constraint names of the schema and what their violation means for the caller. */
    private static final Map<String, ErrorCode> CONSTRAINTS = Map.of(
            "filing_one_open", ErrorCode.PERIOD_OPEN,
            "factor_set_pkey", ErrorCode.FACTOR_SET_EXISTS,
            "app_user_username_key", ErrorCode.USERNAME_TAKEN,
            "api_token_active_name", ErrorCode.TOKEN_EXISTS);

    /** The HTTP status of each kind of refusal. */
    public static HttpStatus status(ErrorCode.Kind kind) {
        return switch (kind) {
            case MALFORMED -> HttpStatus.BAD_REQUEST;
            case PRECONDITION -> HttpStatus.PRECONDITION_REQUIRED;
            case INVALID -> HttpStatus.UNPROCESSABLE_ENTITY;
            case UNAUTHENTICATED -> HttpStatus.UNAUTHORIZED;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case METHOD -> HttpStatus.METHOD_NOT_ALLOWED;
            case CONFLICT -> HttpStatus.CONFLICT;
            case TOO_LARGE -> HttpStatus.PAYLOAD_TOO_LARGE;
            case TOO_MANY -> HttpStatus.TOO_MANY_REQUESTS;
            case UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
            case INTERNAL -> HttpStatus.INTERNAL_SERVER_ERROR;
        };
    }

    /** A Problem Details body for a catalogued code, this case's sentence and its problems. */
    public static ProblemDetail problem(ErrorCode code, String detail, List<Problem> problems, HttpServletRequest req) {
        HttpStatus status = status(code.kind());
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        p.setType(URI.create("https://peakline.dev/problems/" + code.code()));
        p.setTitle(code.title(language(req)));
        p.setProperty("code", code.code());
        if (req != null) {
            p.setInstance(URI.create(req.getRequestURI()));
        }
        if (!problems.isEmpty()) {
            // the answer lists at most MAX_PROBLEMS: a file of garbage must not turn into a reply a hundred times
            // larger
            p.setProperty("problemCount", problems.size());
            p.setProperty(
                    "problems",
                    problems.stream()
                            .limit(MAX_PROBLEMS)
                            .map(x -> {
                                Map<String, Object> m = new LinkedHashMap<>();
                                m.put("code", x.code());
                                m.put("source", x.source());
                                m.put("row", x.row());
                                m.put("column", x.column());
                                m.put("message", x.message());
                                // the catalogue's sentence in the caller's language, beside this case's own
                                ProblemLabels.label(x.code(), language(req)).ifPresent(l -> m.put("label", l));
                                return m;
                            })
                            .toList());
        }
        return p;
    }

    /** The language of the answer: English only when the caller asks for it first. */
    static String language(HttpServletRequest req) {
        String accept = req == null ? null : req.getHeader("Accept-Language");
        return accept == null ? "zh" : accept.strip().toLowerCase(java.util.Locale.ROOT);
    }

    static ResponseEntity<ProblemDetail> respond(
            HttpServletRequest req, ErrorCode code, String detail, List<Problem> problems) {
        return ResponseEntity.status(status(code.kind()))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem(code, detail, problems, req));
    }

    @ExceptionHandler(Refusal.class)
    ResponseEntity<ProblemDetail> refusal(HttpServletRequest req, Refusal e) {
        return respond(req, e.code(), e.getMessage(), e.problems());
    }

    @ExceptionHandler(StoreException.class)
    ResponseEntity<ProblemDetail> store(HttpServletRequest req, StoreException e) {
        if (e.isConflict()) {
            ErrorCode code = CONSTRAINTS.getOrDefault(e.constraint(), ErrorCode.CONFLICT);
            return respond(req, code, code.en(), List.of());
        }
        if (e.sqlState().startsWith("22")) {
            // data exception (a character or date PostgreSQL cannot hold): the request's value, never written
            return respond(
                    req,
                    ErrorCode.MALFORMED,
                    "a value in the request cannot be stored (" + e.sqlState() + ")",
                    List.of());
        }
        return internal(req, e);
    }

    /** A value that a record refused while a request was read (a credit code, a region code, a quantity). */
    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<ProblemDetail> argument(HttpServletRequest req, IllegalArgumentException e) {
        return respond(req, ErrorCode.INVALID, e.getMessage(), List.of());
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<ProblemDetail> validation(HttpServletRequest req, MethodArgumentNotValidException e) {
        List<Problem> problems = e.getBindingResult().getFieldErrors().stream()
                .map(f -> Problem.at("field.invalid", "request", 0, f.getField(), f.getDefaultMessage()))
                .toList();
        return respond(req, ErrorCode.INVALID, "the request has invalid fields", problems);
    }

    @ExceptionHandler({
        HttpMessageNotReadableException.class,
        MissingServletRequestParameterException.class,
        MissingServletRequestPartException.class,
        MethodArgumentTypeMismatchException.class,
        HttpMediaTypeNotSupportedException.class
    })
    ResponseEntity<ProblemDetail> unreadable(HttpServletRequest req, Exception e) {
        String detail;
        String field = "";
        if (e instanceof MissingServletRequestParameterException m) {
            field = m.getParameterName();
            detail = "the parameter '" + field + "' is missing";
        } else if (e instanceof MissingServletRequestPartException m) {
            field = m.getRequestPartName();
            detail = "the part '" + field + "' is missing";
        } else if (e instanceof MethodArgumentTypeMismatchException m) {
            field = m.getName();
            detail = "'" + m.getValue() + "' is not a valid " + field;
        } else if (e instanceof HttpMediaTypeNotSupportedException) {
            detail = "the content type is not accepted here";
        } else if (e.getCause() instanceof com.fasterxml.jackson.databind.JsonMappingException j
                && !j.getPath().isEmpty()) {
            field = path(j);
            detail = j instanceof JsonText.Refused
                    ? field + ": " + j.getOriginalMessage()
                    : j instanceof com.fasterxml.jackson.databind.exc.InvalidNullException
                            ? field + " may not be null"
                            : field + " does not have the expected type or value";
        } else {
            detail = "the request body is not valid JSON of the expected shape";
        }
        List<Problem> problems =
                field.isEmpty() ? List.of() : List.of(Problem.at("malformed", "request", 0, field, detail));
        return respond(req, ErrorCode.MALFORMED, detail, problems);
    }

    /** A JSON path as the caller wrote it: {@code lines[2].unit}. */
    private static String path(com.fasterxml.jackson.databind.JsonMappingException j) {
        StringBuilder b = new StringBuilder();
        for (var r : j.getPath()) {
            if (r.getFieldName() != null) {
                b.append(b.isEmpty() ? "" : ".").append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                b.append('[').append(r.getIndex()).append(']');
            }
        }
        return b.toString();
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ProblemDetail> tooLarge(HttpServletRequest req, MaxUploadSizeExceededException e) {
        return respond(req, ErrorCode.UPLOAD_TOO_LARGE, "the upload exceeds 10 MB; split it", List.of());
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ProblemDetail> method(HttpServletRequest req, HttpRequestMethodNotSupportedException e) {
        return respond(req, ErrorCode.METHOD, "method " + e.getMethod() + " is not supported here", List.of());
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ProblemDetail> none(HttpServletRequest req, NoResourceFoundException e) {
        return respond(req, ErrorCode.NOT_FOUND, "no such resource", List.of());
    }

    /** Anything else is our mistake: logged with an id that the answer carries, its text never shown. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> internal(HttpServletRequest req, Exception e) {
        String id = UUID.randomUUID().toString().substring(0, 8);
        LOG.error("error {} on {} {}", id, req.getMethod(), req.getRequestURI(), e);
        ProblemDetail p =
                problem(ErrorCode.INTERNAL, "internal error " + id + "; the log has its details", List.of(), req);
        p.setProperty("errorId", id);
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(p);
    }
}

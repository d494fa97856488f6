package dev.peakline.app.server.web;

import dev.peakline.problems.Problem;
import java.util.List;
import org.springframework.http.HttpStatus;

/** A refusal with an HTTP status, a stable error code, a sentence for people, and row-level problems when any. */
public final class ApiException extends RuntimeException {
    private final HttpStatus status;
    private final String code;
    private final transient List<Problem> problems;

    public ApiException(HttpStatus status, String code, String detail, List<Problem> problems) {
        super(detail);
        this.status = status;
        this.code = code;
        this.problems = List.copyOf(problems);
    }

    public ApiException(HttpStatus status, String code, String detail) {
        this(status, code, detail, List.of());
    }

    public static ApiException notFound(String what) {
        return new ApiException(HttpStatus.NOT_FOUND, "not_found", what + " does not exist");
    }

    public static ApiException forbidden(String why) {
        return new ApiException(HttpStatus.FORBIDDEN, "scope.denied", why);
    }

    public static ApiException invalid(String code, String detail) {
        return new ApiException(HttpStatus.BAD_REQUEST, code, detail);
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }

    public List<Problem> problems() {
        return problems;
    }
}

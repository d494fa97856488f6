package dev.peakline.problems;

import java.util.List;

/**
 * A service refuses a request: the catalogued {@link ErrorCode}, a sentence that says what exactly is wrong, and the
 * row- or field-level problems when there are any. Services throw it; only the web layer turns it into HTTP.
 */
public final class Refusal extends RuntimeException {
    private final ErrorCode code;
    private final transient List<Problem> problems;

    public Refusal(ErrorCode code, String detail, List<Problem> problems) {
        super(detail);
        if (code == null || detail == null || detail.isBlank()) {
            throw new IllegalArgumentException("a refusal needs a code and a detail");
        }
        this.code = code;
        this.problems = List.copyOf(problems);
    }

    public static Refusal of(ErrorCode code, String detail) {
        return new Refusal(code, detail, List.of());
    }

    public static Refusal of(ErrorCode code, String detail, List<Problem> problems) {
        return new Refusal(code, detail, problems);
    }

    /** A field of a request is wrong: the problem names the field. */
    public static Refusal field(ErrorCode code, String field, String detail) {
        return new Refusal(code, detail, List.of(Problem.at(code.code(), "request", 0, field, detail)));
    }

    public static Refusal notFound(String what) {
        return of(ErrorCode.NOT_FOUND, what + " does not exist");
    }

    public static Refusal forbidden(String why) {
        return of(ErrorCode.SCOPE_DENIED, why);
    }

    public ErrorCode code() {
        return code;
    }

    public List<Problem> problems() {
        return problems;
    }
}

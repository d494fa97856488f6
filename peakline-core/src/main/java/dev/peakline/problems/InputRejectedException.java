package dev.peakline.problems;

import java.util.List;

/** Thrown at the edge when input has problems and nothing may be written; carries every problem found. */
public final class InputRejectedException extends RuntimeException {
    private final List<Problem> problems;

    public InputRejectedException(List<Problem> problems) {
        super(problems.size() + " problem(s) in input; first: " + (problems.isEmpty() ? "" : problems.get(0)));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}

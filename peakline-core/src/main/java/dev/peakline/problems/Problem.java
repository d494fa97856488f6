package dev.peakline.problems;

/**
 * One thing wrong with user input, said so a person can fix it.
 *
 * @param code stable machine code, e.g. {@code unit.dimension}
 * @param source the file (or other input) the problem is in; may be empty
 * @param row 1-based line number in the source, 0 when the problem is not tied to one line
 * @param column the column or field name, empty when not tied to one
 * @param message what is wrong and why, in plain words
 */
public record Problem(String code, String source, int row, String column, String message) {

    public Problem {
        if (code == null || code.isBlank() || message == null || message.isBlank()) {
            throw new IllegalArgumentException("a problem needs a code and a message");
        }
        source = source == null ? "" : source;
        column = column == null ? "" : column;
        if (row < 0) {
            throw new IllegalArgumentException("row must be >= 0");
        }
    }

    public static Problem at(String code, String source, int row, String column, String message) {
        return new Problem(code, source, row, column, message);
    }

    /** {@code file:row: column: message [code]}, the form the CLI prints. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        if (!source.isEmpty()) {
            sb.append(source);
        }
        if (row > 0) {
            sb.append(sb.length() > 0 ? ":" : "line ").append(row);
        }
        if (!column.isEmpty()) {
            sb.append(sb.length() > 0 ? ": " : "")
                    .append("column '")
                    .append(column)
                    .append('\'');
        }
        if (sb.length() > 0) {
            sb.append(": ");
        }
        return sb.append(message).append(" [").append(code).append(']').toString();
    }
}

package dev.cloudshift.data.verify;

import java.util.List;

/**
 * One query of a {@code --query} file run on both sides. {@code ordered} when the query has a top-level ORDER BY
 * (rows then compare position by position), else the results compare as multisets. {@code differences} describes
 * up to the cap of differing rows ({@code missing}: only in the source's result, {@code extra}: only in the
 * target's); {@code error} holds a failure on either side (then {@code equal} is false).
 */
public record QueryResult(int index, int line, String sql, boolean ordered, long sourceRows, long targetRows,
                          boolean equal, long differenceCount, List<Difference> differences, String error) {
    public QueryResult {
        differences = List.copyOf(differences);
    }
}

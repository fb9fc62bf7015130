package tyss.measure;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

import tyss.period.Period;

/**
 * How a {@link MeasureResult} is kept in {@code measure_result}: its columns, in the order the store
 * writes and reads them, and the only reads of it (with {@code measure_input}) from outside the measure stage.
 */
public final class ResultRows {

    /** Every column of a result but the run it belongs to. */
    public static final String COLUMNS =
            "measure_id, figure, definition_version, period_kind, period_label, period_start, period_end, "
                    + "breakdown, breakdown_value, numerator, denominator, result_value, unit";
    /** The statement that stores a run's result, set by {@link #write}. */
    static final String INSERT =
            "INSERT INTO measure_result (run_id, " + COLUMNS + ") VALUES (?" + ", ?".repeat(13) + ")";

    private ResultRows() {}

    /** Sets the parameters of {@link #INSERT}. */
    static void write(PreparedStatement ps, String runId, MeasureResult r) throws SQLException {
        ps.setString(1, runId);
        ps.setString(2, r.measureId());
        ps.setString(3, r.figure());
        ps.setString(4, r.definitionVersion());
        ps.setString(5, r.period().kind().name());
        ps.setString(6, r.period().label());
        ps.setObject(7, r.period().start());
        ps.setObject(8, r.period().end());
        ps.setString(9, r.breakdown());
        ps.setString(10, r.breakdownValue());
        ps.setBigDecimal(11, r.numerator());
        ps.setBigDecimal(12, r.denominator());
        ps.setBigDecimal(13, r.value());
        ps.setString(14, r.unit().name());
    }

    /** A result from a row selected with {@link #COLUMNS}. */
    public static MeasureResult read(ResultSet rs, int rowNum) throws SQLException {
        return new MeasureResult(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                new Period(
                        Period.Kind.valueOf(rs.getString(4)),
                        rs.getString(5),
                        rs.getDate(6).toLocalDate(),
                        rs.getDate(7).toLocalDate()),
                rs.getString(8),
                rs.getString(9),
                rs.getBigDecimal(10),
                rs.getBigDecimal(11),
                rs.getBigDecimal(12),
                MeasureResult.Unit.valueOf(rs.getString(13)));
    }

    /** A run's results, in the order every report lays them out. */
    public static List<MeasureResult> ofRun(JdbcClient jdbc, String runId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM measure_result WHERE run_id = ? "
                        + "ORDER BY measure_id, figure, period_start, period_kind, breakdown, breakdown_value")
                .param(runId)
                .query(ResultRows::read)
                .list();
    }

    /** What a run computed, for its summary line. */
    public record Counts(long measures, long rows, long measurePeriods, long reused) {}

    public static Counts counts(JdbcClient jdbc, String runId) {
        long[] results = jdbc.sql("SELECT COUNT(DISTINCT measure_id), COUNT(*) FROM measure_result WHERE run_id = ?")
                .param(runId)
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)})
                .single();
        long[] reuse = jdbc.sql("SELECT COUNT(*), COALESCE(SUM(CASE WHEN reused_from IS NULL THEN 0 ELSE 1 END), 0) "
                        + "FROM measure_input WHERE run_id = ?")
                .param(runId)
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)})
                .single();
        return new Counts(results[0], results[1], reuse[0], reuse[1]);
    }
}

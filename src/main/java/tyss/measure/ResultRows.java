package tyss.measure;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import tyss.period.Period;

/** How a {@link MeasureResult} is kept in {@code measure_result}: its columns, in the order the store writes and reads them. */
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
}

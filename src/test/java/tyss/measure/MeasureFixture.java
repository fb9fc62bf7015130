package tyss.measure;

import java.util.UUID;
import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import tyss.link.PersonLinker;
import tyss.period.Quarter;

/** A fresh in-memory store with the real migrations, for hand-worked measure tests. */
public final class MeasureFixture {

    public final JdbcClient jdbc;
    private final DataSource dataSource;

    public MeasureFixture() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        Flyway.configure()
                .dataSource(ds)
                .locations("classpath:db/migration/common", "classpath:db/migration/h2")
                .load()
                .migrate();
        this.jdbc = JdbcClient.create(ds);
        this.dataSource = ds;
    }

    /** The context for a quarter, over the rows inserted so far (the cohort is taken from them now). */
    public MeasureContext context(String quarter) {
        refreshCohort();
        return new MeasureContext(jdbc, Quarter.parse(quarter), LogicModel.load());
    }

    /** Takes the cohort from the rows inserted so far, as the link stage does. */
    public void refreshCohort() {
        PersonLinker.refreshCohort(template());
    }

    public JdbcTemplate template() {
        return new JdbcTemplate(dataSource);
    }

    /** Inserts one row: columns and values as alternating arguments; file 1, row numbers from 2. */
    public MeasureFixture row(String table, Object... columnsAndValues) {
        StringBuilder columns = new StringBuilder("file_id, source_row");
        StringBuilder marks = new StringBuilder("1, 2");
        Object[] values = new Object[columnsAndValues.length / 2];
        for (int i = 0; i < columnsAndValues.length; i += 2) {
            columns.append(", ").append(columnsAndValues[i]);
            marks.append(", ?");
            values[i / 2] = columnsAndValues[i + 1];
        }
        jdbc.sql("INSERT INTO " + table + " (" + columns + ") VALUES (" + marks + ")")
                .params(values)
                .update();
        return this;
    }
}

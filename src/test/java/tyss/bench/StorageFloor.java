package tyss.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.util.ArrayList;
import java.util.List;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;

/**
 * The storage floor: the rows the pipeline stored, copied with bare JDBC batch inserts (5,000 a
 * commit, as the pipeline's chunks) into a fresh database of the same kind and schema. Nothing
 * stored can go faster than this, so ingest is judged against it.
 */
final class StorageFloor {

    /** Rows copied and how long the inserts took. */
    record Result(long rows, double seconds) {
        double rowsPerSecond() {
            return rows / seconds;
        }
    }

    private StorageFloor() {}

    static Result measure(Path pipelineDb, Path floorDir) throws Exception {
        String options = ";WRITE_DELAY=0;TRACE_LEVEL_FILE=0";
        JdbcDataSource floor = new JdbcDataSource();
        floor.setURL("jdbc:h2:file:" + floorDir.toAbsolutePath().resolve("floor") + options);
        floor.setUser("tyss");
        Flyway.configure()
                .dataSource(floor)
                .locations("classpath:db/migration/common", "classpath:db/migration/h2")
                .load()
                .migrate();
        long rows = 0;
        long nanos = 0;
        try (Connection source = DriverManager.getConnection(
                        "jdbc:h2:file:" + pipelineDb.toAbsolutePath() + ";IFEXISTS=TRUE", "tyss", "");
                Connection target = floor.getConnection()) {
            target.setAutoCommit(false);
            List<String> tables = new ArrayList<>();
            try (ResultSet rs =
                    source.getMetaData().getTables(null, "PUBLIC", "DS_%", new String[] {"TABLE", "BASE TABLE"})) {
                while (rs.next()) {
                    tables.add(rs.getString("TABLE_NAME"));
                }
            }
            for (String table : tables) {
                try (var select = source.createStatement().executeQuery("SELECT * FROM " + table)) {
                    ResultSetMetaData meta = select.getMetaData();
                    List<String> columns = new ArrayList<>();
                    for (int i = 1; i <= meta.getColumnCount(); i++) {
                        if (!meta.getColumnName(i).equalsIgnoreCase("ROW_ID")) {
                            columns.add(meta.getColumnName(i));
                        }
                    }
                    List<Object[]> data = new ArrayList<>();
                    while (select.next()) {
                        Object[] row = new Object[columns.size()];
                        for (int i = 0; i < columns.size(); i++) {
                            row[i] = select.getObject(columns.get(i));
                        }
                        data.add(row);
                    }
                    String sql = "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                            + "?, ".repeat(columns.size() - 1) + "?)";
                    long start = System.nanoTime();
                    try (PreparedStatement insert = target.prepareStatement(sql)) {
                        int inBatch = 0;
                        for (Object[] row : data) {
                            for (int i = 0; i < row.length; i++) {
                                insert.setObject(i + 1, row[i]);
                            }
                            insert.addBatch();
                            if (++inBatch == 5_000) {
                                insert.executeBatch();
                                target.commit();
                                inBatch = 0;
                            }
                        }
                        insert.executeBatch();
                        target.commit();
                    }
                    nanos += System.nanoTime() - start;
                    rows += data.size();
                }
            }
        }
        return new Result(rows, nanos / 1e9);
    }
}

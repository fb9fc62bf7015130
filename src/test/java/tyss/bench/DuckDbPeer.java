package tyss.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The same headline measures computed by DuckDB straight from the same CSV files: a well-tuned
 * analytical engine as the yardstick for a whole run. DuckDB reads only the CSV exports (it cannot
 * read the workbooks without an extension that is not on Maven Central), so it does a little less work.
 */
final class DuckDbPeer {

    private DuckDbPeer() {
    }

    static Map<String, Long> run(Path samples) throws Exception {
        String root = samples.toAbsolutePath().toString().replace("'", "''");
        Map<String, String> queries = new LinkedHashMap<>();
        queries.put("S01 referrals", "SELECT count(*) FROM read_csv('" + root + "/*/tyss/referrals_*.csv', union_by_name=true, dateformat='%d/%m/%Y') "
                + "WHERE referral_date BETWEEN DATE '2026-07-01' AND DATE '2026-09-30'");
        queries.put("S06 contacts", "SELECT count(*) FROM read_csv('" + root + "/*/tyss/contacts_*.csv', union_by_name=true, dateformat='%d/%m/%Y', "
                + "types={'minutes': 'VARCHAR'}) WHERE contact_date BETWEEN DATE '2026-07-01' AND DATE '2026-09-30'");
        queries.put("Y04 occurrences", "SELECT count(*) FROM read_csv('" + root + "/*/police/crimes_*.csv', union_by_name=true, dateformat='%d/%m/%Y') "
                + "WHERE occurrence_date BETWEEN DATE '2026-07-01' AND DATE '2026-09-30' AND role IN ('suspect','offender')");
        queries.put("Y06 asb", "SELECT count(*) FROM read_csv('" + root + "/*/police/asb_*.csv', union_by_name=true, dateformat='%d/%m/%Y') "
                + "WHERE incident_date BETWEEN DATE '2026-07-01' AND DATE '2026-09-30'");
        queries.put("Y17 street crime", "SELECT count(*) FROM read_csv('" + root + "/*/police/street-crime_*.csv', union_by_name=true) c "
                + "JOIN read_csv('" + root + "/history/reference/localities_*.csv') l ON l.lsoa_code = c.\"LSOA code\" "
                + "WHERE c.Month BETWEEN '2026-07' AND '2026-09'");
        Map<String, Long> answers = new LinkedHashMap<>();
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:"); Statement s = duck.createStatement()) {
            for (var q : queries.entrySet()) {
                try (var rs = s.executeQuery(q.getValue())) {
                    rs.next();
                    answers.put(q.getKey(), rs.getLong(1));
                }
            }
        }
        return answers;
    }
}

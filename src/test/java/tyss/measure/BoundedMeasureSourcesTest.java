package tyss.measure;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DelegatingDataSource;

import tyss.contract.DatasetCatalog;
import tyss.period.Period;
import tyss.period.Quarter;

/**
 * A bounded measure's results are reused while the rows of the sources its class declares (and the
 * referrals, which make the cohort) are unchanged, so every table it queries must be among them;
 * and every measure reads each source it declares. Each measure is run against an empty store
 * whose connections record every statement.
 */
class BoundedMeasureSourcesTest {

    private static final Pattern TABLE = Pattern.compile("\\b(ds_[a-z0-9_]+)\\b", Pattern.CASE_INSENSITIVE);

    @Test
    void every_table_a_bounded_measure_reads_is_one_of_its_sources() throws Exception {
        LogicModel model = LogicModel.load();
        DatasetCatalog catalog = DatasetCatalog.load();
        int checked = 0;
        for (DeclaredMeasure declared : MeasureClasses.onClasspath()) {
            if (!(declared instanceof BoundedMeasure measure)) {
                continue;
            }
            Set<String> read = new TreeSet<>();
            MeasureContext context =
                    new MeasureContext(JdbcClient.create(recording(read)), Quarter.parse("2026-27 Q2"), model);
            measure.calculate(context, Period.of(Quarter.parse("2026-27 Q2")));
            Set<String> allowed = new TreeSet<>(Set.of("ds_tyss_referrals"));
            measure.sources()
                    .forEach(s ->
                            allowed.add(catalog.find(s.toString()).orElseThrow().table()));
            assertThat(read)
                    .as(measure.id() + " reads only its sources")
                    .isNotEmpty()
                    .isSubsetOf(allowed);
            checked++;
        }
        assertThat(checked).isGreaterThanOrEqualTo(31);
    }

    @Test
    void every_source_a_measure_declares_is_one_it_reads() {
        // a source listed but never read marks the measure "not received" when it is missing (the
        // issue that asked for this named S04's tyss/contacts, which S04 does read, for the days to
        // first contact). Those pinned here are declared but unread; dropping one changes the
        // published catalogue and coverage, so it is a change of definition, not of this refactor
        LogicModel model = LogicModel.load();
        Set<String> unread = new TreeSet<>();
        for (DeclaredMeasure declared : MeasureClasses.onClasspath()) {
            if (declared instanceof Measure measure) {
                Set<String> read = new TreeSet<>();
                MeasureContext context =
                        new MeasureContext(JdbcClient.create(recording(read)), Quarter.parse("2026-27 Q2"), model);
                measure.calculate(context, Period.of(Quarter.parse("2026-27 Q2")));
                measure.sources().stream()
                        .filter(source -> !read.contains(source.table()))
                        .forEach(source -> unread.add(measure.id() + " " + source));
            }
        }
        assertThat(unread).containsExactly("S11 tyss/referrals");
    }

    /** An empty migrated store whose connections add every table named in a statement to {@code read}. */
    private static DataSource recording(Set<String> read) {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        Flyway.configure()
                .dataSource(h2)
                .locations("classpath:db/migration/common", "classpath:db/migration/h2")
                .load()
                .migrate();
        return new DelegatingDataSource(h2) {
            @Override
            public Connection getConnection() throws SQLException {
                Connection real = super.getConnection();
                return (Connection) Proxy.newProxyInstance(
                        getClass().getClassLoader(), new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                            if (method.getName().startsWith("prepare")
                                    && args != null
                                    && args[0] instanceof String sql) {
                                Matcher m = TABLE.matcher(sql);
                                while (m.find()) {
                                    read.add(m.group(1).toLowerCase(Locale.ROOT));
                                }
                            }
                            try {
                                return method.invoke(real, args);
                            } catch (InvocationTargetException e) {
                                throw e.getCause();
                            }
                        });
            }
        };
    }
}

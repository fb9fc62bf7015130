package tyss.link;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

import tyss.contract.DatasetCatalog;
import tyss.contract.DatasetSpec;
import tyss.contract.PersonKey;

/**
 * The {@code link} stage: resolves the records of every dataset to one pseudonymous person,
 * deterministically. Shared identifiers link first (a row carrying two identifiers joins them);
 * then the exact name key, then the tolerant name key, each only where it points to one person or
 * joins people whose identifiers do not contradict each other. A key that would join two people
 * with different identifiers of the same kind is a conflict: reported, never merged. A person's id
 * comes from their most trusted key ({@link PersonKey}), so it stays the same while later data
 * only adds less trusted keys to them.
 */
public class PersonLinker {

    private static final Logger log = LoggerFactory.getLogger(PersonLinker.class);

    private final JdbcTemplate jdbc;
    private final DatasetCatalog catalog;

    public PersonLinker(JdbcTemplate jdbc, DatasetCatalog catalog) {
        this.jdbc = jdbc;
        this.catalog = catalog;
    }

    /** What the linkage found. */
    public record Outcome(int people, int conflicts) {
    }

    public Outcome link() {
        long started = System.nanoTime();
        KeyGraph graph = new KeyGraph();
        List<DatasetSpec> linkable = catalog.all().stream().filter(DatasetSpec::linkable).toList();
        for (DatasetSpec spec : linkable) {
            List<String> ids = PersonKey.identifierColumns(spec);
            jdbc.query("SELECT DISTINCT " + String.join(", ", ids) + " FROM " + spec.table(), rs -> {
                String first = null;
                for (String id : ids) {
                    String value = rs.getString(id);
                    if (value != null) {
                        String key = id + ":" + value;
                        graph.add(key);
                        if (first == null) {
                            first = key;
                        } else {
                            graph.union(first, key);
                        }
                    }
                }
            });
        }
        log.debug("identifiers read in {} ms", (System.nanoTime() - started) / 1_000_000);
        List<Conflict> conflicts = new ArrayList<>();
        for (String nameKey : PersonKey.NAME_KEYS) {
            linkByNameKey(graph, linkable, nameKey, conflicts);
        }
        log.debug("name keys linked by {} ms", (System.nanoTime() - started) / 1_000_000);
        Map<String, String> personOfRoot = new TreeMap<>();
        Map<String, String> personOfKey = new HashMap<>();
        for (String key : toList(graph.keys())) {
            personOfKey.put(key, personOfRoot.computeIfAbsent(graph.root(key), PersonKey::personOf));
        }
        saveKeys(personOfKey);
        log.debug("person index saved by {} ms", (System.nanoTime() - started) / 1_000_000);
        jdbc.update("DELETE FROM link_conflict");
        jdbc.batchUpdate("INSERT INTO link_conflict (key_type, rows_affected, person_a, person_b) VALUES (?, ?, ?, ?)",
                conflicts.stream().map(c -> new Object[] {c.keyType, c.rows, personOfRoot.get(graph.root(c.a)), personOfRoot.get(graph.root(c.b))}).toList());
        int changed = 0;
        for (DatasetSpec spec : linkable) {
            changed += assignPersons(spec, personOfKey);
        }
        refreshCohort(jdbc);
        log.debug("{} rows changed person; linked in {} ms", changed, (System.nanoTime() - started) / 1_000_000);
        log.debug("linked records to {} people; {} conflict(s) reported, not merged", personOfRoot.size(), conflicts.size());
        return new Outcome(personOfRoot.size(), conflicts.size());
    }

    private record Conflict(String keyType, String a, String b, int rows) {
    }

    /** Attaches a name key to the person(s) its rows already identify, unless that would contradict identifiers. */
    private void linkByNameKey(KeyGraph graph, List<DatasetSpec> linkable, String nameKey, List<Conflict> conflicts) {
        Map<String, Set<String>> idsByName = new TreeMap<>();
        Map<String, Integer> rowsByName = new TreeMap<>();
        for (DatasetSpec spec : linkable.stream().filter(DatasetSpec::person).toList()) {
            List<String> ids = PersonKey.identifierColumns(spec);
            jdbc.query("SELECT " + nameKey + ", " + String.join(", ", ids) + " FROM " + spec.table() + " WHERE " + nameKey + " IS NOT NULL", rs -> {
                String name = nameKey + ":" + rs.getString(1);
                Set<String> roots = idsByName.computeIfAbsent(name, n -> new TreeSet<>());
                rowsByName.merge(name, 1, Integer::sum);
                for (String id : ids) {
                    String value = rs.getString(id);
                    if (value != null) {
                        roots.add(id + ":" + value);
                    }
                }
            });
        }
        Map<String, Map<String, Set<String>>> kindsByRoot = new TreeMap<>();
        for (String key : toList(graph.keys())) {
            kindsByRoot.computeIfAbsent(graph.root(key), r -> new TreeMap<>())
                    .computeIfAbsent(key.substring(0, key.indexOf(':')), k -> new TreeSet<>()).add(key);
        }
        for (Map.Entry<String, Set<String>> entry : idsByName.entrySet()) {
            String name = entry.getKey();
            Set<String> roots = new LinkedHashSet<>();
            entry.getValue().forEach(k -> roots.add(graph.root(k)));
            if (graph.contains(name)) {
                roots.add(graph.root(name));
            }
            List<String> people = new ArrayList<>(new TreeSet<>(roots));
            if (people.isEmpty()) {
                graph.add(name);
                continue;
            }
            boolean clash = false;
            for (int i = 0; i < people.size() && !clash; i++) {
                for (int j = i + 1; j < people.size(); j++) {
                    if (contradict(kindsByRoot.getOrDefault(people.get(i), Map.of()), kindsByRoot.getOrDefault(people.get(j), Map.of()))) {
                        conflicts.add(new Conflict(nameKey, people.get(i), people.get(j), rowsByName.get(name)));
                        clash = true;
                        break;
                    }
                }
            }
            if (!clash) {
                graph.add(name);
                Map<String, Set<String>> merged = new TreeMap<>();
                for (String p : people) {
                    kindsByRoot.getOrDefault(p, Map.of()).forEach((k, v) -> merged.computeIfAbsent(k, x -> new TreeSet<>()).addAll(v));
                    kindsByRoot.remove(p);
                    graph.union(name, p);
                }
                kindsByRoot.put(graph.root(name), merged);
            }
        }
    }

    /** Two people contradict when both have an identifier of the same kind with different values. */
    private static boolean contradict(Map<String, Set<String>> a, Map<String, Set<String>> b) {
        for (String kind : PersonKey.IDENTIFIERS) {
            if (a.containsKey(kind) && b.containsKey(kind) && !a.get(kind).equals(b.get(kind))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Writes each row's person where it differs from the one stored: at ingest a row gets the
     * person its most trusted key gives, so only rows joined to a more trusted key are rewritten.
     */
    private int assignPersons(DatasetSpec spec, Map<String, String> personOfKey) {
        List<String> keys = PersonKey.columns(spec);
        String sql = "UPDATE " + spec.table() + " SET person_id = ? WHERE row_id = ?";
        List<Object[]> updates = new ArrayList<>();
        int[] changed = {0};
        jdbc.query("SELECT row_id, person_id, " + String.join(", ", keys) + " FROM " + spec.table(), rs -> {
            String person = null;
            for (int i = 0; i < keys.size() && person == null; i++) {
                String value = rs.getString(3 + i);
                if (value != null) {
                    person = personOfKey.get(keys.get(i) + ":" + value);
                }
            }
            if (!java.util.Objects.equals(person, rs.getString(2))) {
                updates.add(new Object[] {person, rs.getLong(1)});
                if (updates.size() == 10_000) {
                    changed[0] += updates.size();
                    jdbc.batchUpdate(sql, updates);
                    updates.clear();
                }
            }
        });
        changed[0] += updates.size();
        jdbc.batchUpdate(sql, updates);
        return changed[0];
    }

    /** Brings the person index up to date, touching only the keys whose person changed. */
    private void saveKeys(Map<String, String> personOfKey) {
        Map<String, String> stored = new HashMap<>();
        jdbc.query("SELECT key_type, key_value, person_id FROM person_key", rs -> {
            stored.put(rs.getString(1) + ":" + rs.getString(2), rs.getString(3));
        });
        List<Object[]> inserts = new ArrayList<>();
        List<Object[]> updates = new ArrayList<>();
        List<Object[]> deletes = new ArrayList<>();
        personOfKey.forEach((key, person) -> {
            String before = stored.get(key);
            int colon = key.indexOf(':');
            if (before == null) {
                inserts.add(new Object[] {key.substring(0, colon), key.substring(colon + 1), person});
            } else if (!before.equals(person)) {
                updates.add(new Object[] {person, key.substring(0, colon), key.substring(colon + 1)});
            }
        });
        stored.keySet().stream().filter(k -> !personOfKey.containsKey(k))
                .forEach(k -> deletes.add(new Object[] {k.substring(0, k.indexOf(':')), k.substring(k.indexOf(':') + 1)}));
        jdbc.batchUpdate("DELETE FROM person_key WHERE key_type = ? AND key_value = ?", deletes);
        jdbc.batchUpdate("UPDATE person_key SET person_id = ? WHERE key_type = ? AND key_value = ?", updates);
        jdbc.batchUpdate("INSERT INTO person_key (key_type, key_value, person_id) VALUES (?, ?, ?)", inserts);
    }

    /** The cohort, every person with a TYSS referral and the date of their first, kept in {@code cohort_member} so "in the cohort" is a key lookup. */
    public static void refreshCohort(JdbcTemplate jdbc) {
        jdbc.update("DELETE FROM cohort_member");
        jdbc.update("INSERT INTO cohort_member (person_id, first_referral) "
                + "SELECT person_id, MIN(referral_date) FROM ds_tyss_referrals WHERE person_id IS NOT NULL GROUP BY person_id");
    }

    private static List<String> toList(Iterable<String> keys) {
        List<String> out = new ArrayList<>();
        keys.forEach(out::add);
        return out;
    }
}

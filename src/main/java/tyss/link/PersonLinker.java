package tyss.link;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

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
 * only adds less trusted keys to them. Keys are held as numbers ({@link KeyGraph}) and the person
 * index is written in batches, so what link holds grows by distinct key, not by row, and compactly.
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
    public record Outcome(int people, int conflicts) {}

    public Outcome link() {
        long started = System.nanoTime();
        KeyGraph graph = new KeyGraph();
        List<DatasetSpec> linkable =
                catalog.all().stream().filter(DatasetSpec::linkable).toList();
        for (DatasetSpec spec : linkable) {
            List<String> ids = PersonKey.identifierColumns(spec);
            int[] kinds = kinds(ids);
            jdbc.query("SELECT DISTINCT " + String.join(", ", ids) + " FROM " + spec.table(), rs -> {
                int first = KeyGraph.NONE;
                for (int i = 0; i < kinds.length; i++) {
                    String value = rs.getString(i + 1);
                    if (value != null) {
                        int key = graph.add(kinds[i], value);
                        if (first == KeyGraph.NONE) {
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
        String[] personOfRoot = new String[graph.size()];
        int people = 0;
        for (int key = 0; key < graph.size(); key++) {
            int root = graph.root(key);
            if (personOfRoot[root] == null) {
                personOfRoot[root] = PersonKey.personOf(graph.text(root));
                people++;
            }
        }
        saveKeys(graph, personOfRoot);
        log.debug("person index saved by {} ms", (System.nanoTime() - started) / 1_000_000);
        jdbc.update("DELETE FROM link_conflict");
        jdbc.batchUpdate(
                "INSERT INTO link_conflict (key_type, rows_affected, person_a, person_b) VALUES (?, ?, ?, ?)",
                conflicts.stream()
                        .map(c -> new Object[] {
                            c.keyType, c.rows, personOfRoot[graph.root(c.a)], personOfRoot[graph.root(c.b)]
                        })
                        .toList());
        int changed = 0;
        for (DatasetSpec spec : linkable) {
            changed += assignPersons(spec, graph, personOfRoot);
        }
        refreshCohort(jdbc);
        log.debug("{} rows changed person; linked in {} ms", changed, (System.nanoTime() - started) / 1_000_000);
        log.debug("linked records to {} people; {} conflict(s) reported, not merged", people, conflicts.size());
        return new Outcome(people, conflicts.size());
    }

    private record Conflict(String keyType, int a, int b, int rows) {}

    private static int[] kinds(List<String> columns) {
        return columns.stream().mapToInt(KeyGraph.KINDS::indexOf).toArray();
    }

    /**
     * Attaches a name key to the person(s) its rows already identify, unless that would contradict identifiers.
     * Names are taken in the order of their pseudonyms, so the outcome never depends on the order rows were read.
     */
    private void linkByNameKey(KeyGraph graph, List<DatasetSpec> linkable, String nameKey, List<Conflict> conflicts) {
        int nameKind = KeyGraph.KINDS.indexOf(nameKey);
        KeyGraph names = new KeyGraph();
        NamePairs pairs = new NamePairs();
        int[][] rowsByName = {new int[1024]};
        for (DatasetSpec spec : linkable.stream().filter(DatasetSpec::person).toList()) {
            List<String> ids = PersonKey.identifierColumns(spec);
            int[] kinds = kinds(ids);
            jdbc.query(
                    "SELECT " + nameKey + ", " + String.join(", ", ids) + " FROM " + spec.table() + " WHERE " + nameKey
                            + " IS NOT NULL",
                    rs -> {
                        int name = names.add(nameKind, rs.getString(1));
                        if (name == rowsByName[0].length) {
                            rowsByName[0] = Arrays.copyOf(rowsByName[0], name * 2);
                        }
                        rowsByName[0][name]++;
                        for (int i = 0; i < kinds.length; i++) {
                            String value = rs.getString(i + 2);
                            int key = value == null ? KeyGraph.NONE : graph.find(kinds[i], value);
                            if (key != KeyGraph.NONE) {
                                pairs.add(name, key);
                            }
                        }
                    });
        }
        long[] byName = pairs.sortedDistinct();
        int[] from = new int[names.size() + 1];
        for (long pair : byName) {
            from[(int) (pair >>> 32) + 1]++;
        }
        for (int i = 0; i < names.size(); i++) {
            from[i + 1] += from[i];
        }
        Members members = new Members(graph);
        Integer[] order = new Integer[names.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, names::compare);
        for (int name : order) {
            String value = names.value(name);
            Set<Integer> distinct = new HashSet<>();
            for (int i = from[name]; i < from[name + 1]; i++) {
                distinct.add(graph.root((int) byName[i]));
            }
            int known = graph.find(nameKind, value);
            if (known != KeyGraph.NONE) {
                distinct.add(graph.root(known));
            }
            // as text, the order the conflicts have always been reported in
            List<Integer> people = new ArrayList<>(distinct);
            people.sort(Comparator.comparing(graph::text));
            if (people.isEmpty()) {
                graph.add(nameKind, value);
                continue;
            }
            boolean clash = false;
            for (int i = 0; i < people.size() && !clash; i++) {
                for (int j = i + 1; j < people.size(); j++) {
                    if (members.contradict(people.get(i), people.get(j))) {
                        conflicts.add(new Conflict(nameKey, people.get(i), people.get(j), rowsByName[0][name]));
                        clash = true;
                        break;
                    }
                }
            }
            if (!clash) {
                int key = graph.add(nameKind, value);
                for (int p : people) {
                    int before = graph.root(key);
                    int after = graph.union(key, p);
                    members.join(after, after == before ? p : before);
                }
            }
        }
    }

    /** (name, identifier key) pairs as longs, kept distinct by sorting whenever the array fills, so they take memory by distinct pair, not by row. */
    private static final class NamePairs {
        private long[] pairs = new long[1 << 16];
        private int size;

        void add(int name, int key) {
            if (size == pairs.length) {
                compact();
                if (size > pairs.length / 2) {
                    pairs = Arrays.copyOf(pairs, pairs.length * 2);
                }
            }
            pairs[size++] = ((long) name << 32) | (key & 0xffffffffL);
        }

        long[] sortedDistinct() {
            compact();
            return Arrays.copyOf(pairs, size);
        }

        private void compact() {
            Arrays.sort(pairs, 0, size);
            int out = 0;
            for (int i = 0; i < size; i++) {
                if (out == 0 || pairs[i] != pairs[out - 1]) {
                    pairs[out++] = pairs[i];
                }
            }
            size = out;
        }
    }

    /** Each person's identifier keys, as linked lists through arrays indexed by key: what two people are checked against each other by. */
    private static final class Members {
        private final KeyGraph graph;
        private int[] head;
        private int[] next;

        Members(KeyGraph graph) {
            this.graph = graph;
            head = new int[graph.size()];
            next = new int[graph.size()];
            Arrays.fill(head, KeyGraph.NONE);
            for (int key = 0; key < graph.size(); key++) {
                if (graph.kind(key) < PersonKey.IDENTIFIERS.size()) {
                    int root = graph.root(key);
                    next[key] = head[root];
                    head[root] = key;
                }
            }
        }

        private int head(int root) {
            return root < head.length ? head[root] : KeyGraph.NONE;
        }

        /** Moves the identifiers of {@code from} (a root until the union just made) to {@code root}. */
        void join(int root, int from) {
            int list = head(from);
            if (from == root || list == KeyGraph.NONE) {
                return;
            }
            if (root >= head.length) {
                // only a name key can be a root beyond the identifiers, and it has none: the identifiers move to it
                int n = Math.max(root + 1, head.length * 2);
                int old = head.length;
                head = Arrays.copyOf(head, n);
                Arrays.fill(head, old, n, KeyGraph.NONE);
            }
            int last = list;
            while (next[last] != KeyGraph.NONE) {
                last = next[last];
            }
            next[last] = head[root];
            head[root] = list;
            head[from] = KeyGraph.NONE;
        }

        /** Two people contradict when both have an identifier of the same kind with different values. */
        boolean contradict(int a, int b) {
            int[] ka = sorted(a);
            int[] kb = sorted(b);
            for (int kind = 0; kind < PersonKey.IDENTIFIERS.size(); kind++) {
                int[] va = ofKind(ka, kind);
                int[] vb = ofKind(kb, kind);
                if (va.length > 0 && vb.length > 0 && !Arrays.equals(va, vb)) {
                    return true;
                }
            }
            return false;
        }

        private int[] sorted(int root) {
            int n = 0;
            for (int k = head(root); k != KeyGraph.NONE; k = next[k]) {
                n++;
            }
            int[] keys = new int[n];
            int i = 0;
            for (int k = head(root); k != KeyGraph.NONE; k = next[k]) {
                keys[i++] = k;
            }
            Arrays.sort(keys);
            return keys;
        }

        private int[] ofKind(int[] keys, int kind) {
            return Arrays.stream(keys).filter(k -> graph.kind(k) == kind).toArray();
        }
    }

    /**
     * Writes each row's person where it differs from the one stored: at ingest a row gets the
     * person its most trusted key gives, so only rows joined to a more trusted key are rewritten.
     */
    private int assignPersons(DatasetSpec spec, KeyGraph graph, String[] personOfRoot) {
        List<String> keys = PersonKey.columns(spec);
        int[] kinds = kinds(keys);
        String sql = "UPDATE " + spec.table() + " SET person_id = ? WHERE row_id = ?";
        List<Object[]> updates = new ArrayList<>();
        int[] changed = {0};
        jdbc.query("SELECT row_id, person_id, " + String.join(", ", keys) + " FROM " + spec.table(), rs -> {
            String person = null;
            for (int i = 0; i < kinds.length && person == null; i++) {
                String value = rs.getString(3 + i);
                if (value != null) {
                    int key = graph.find(kinds[i], value);
                    person = key == KeyGraph.NONE ? null : personOfRoot[graph.root(key)];
                }
            }
            if (!Objects.equals(person, rs.getString(2))) {
                updates.add(new Object[] {person, rs.getLong(1)});
                if (updates.size() == BATCH) {
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

    private static final int BATCH = 10_000;

    /** Brings the person index up to date, touching only the keys whose person changed; written in batches, never held whole. */
    private void saveKeys(KeyGraph graph, String[] personOfRoot) {
        BitSet stored = new BitSet(graph.size());
        BitSet changed = new BitSet(graph.size());
        List<Object[]> deletes = new ArrayList<>();
        jdbc.query("SELECT key_type, key_value, person_id FROM person_key", rs -> {
            int kind = KeyGraph.KINDS.indexOf(rs.getString(1));
            int key = kind < 0 ? KeyGraph.NONE : graph.find(kind, rs.getString(2));
            if (key == KeyGraph.NONE) {
                deletes.add(new Object[] {rs.getString(1), rs.getString(2)});
            } else {
                stored.set(key);
                if (!personOfRoot[graph.root(key)].equals(rs.getString(3))) {
                    changed.set(key);
                }
            }
        });
        jdbc.batchUpdate("DELETE FROM person_key WHERE key_type = ? AND key_value = ?", deletes);
        inBatches(
                changed.stream(),
                key -> new Object[] {
                    personOfRoot[graph.root(key)], KeyGraph.KINDS.get(graph.kind(key)), graph.value(key)
                },
                "UPDATE person_key SET person_id = ? WHERE key_type = ? AND key_value = ?");
        inBatches(
                IntStream.range(0, graph.size()).filter(k -> !stored.get(k)),
                key -> new Object[] {
                    KeyGraph.KINDS.get(graph.kind(key)), graph.value(key), personOfRoot[graph.root(key)]
                },
                "INSERT INTO person_key (key_type, key_value, person_id) VALUES (?, ?, ?)");
    }

    private void inBatches(IntStream keys, IntFunction<Object[]> row, String sql) {
        List<Object[]> batch = new ArrayList<>();
        keys.forEach(key -> {
            batch.add(row.apply(key));
            if (batch.size() == BATCH) {
                jdbc.batchUpdate(sql, batch);
                batch.clear();
            }
        });
        jdbc.batchUpdate(sql, batch);
    }

    /** The cohort, every person with a TYSS referral and the date of their first, kept in {@code cohort_member} so "in the cohort" is a key lookup. */
    public static void refreshCohort(JdbcTemplate jdbc) {
        jdbc.update("DELETE FROM cohort_member");
        jdbc.update(
                "INSERT INTO cohort_member (person_id, first_referral) "
                        + "SELECT person_id, MIN(referral_date) FROM ds_tyss_referrals WHERE person_id IS NOT NULL GROUP BY person_id");
    }
}

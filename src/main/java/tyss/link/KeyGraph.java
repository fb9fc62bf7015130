package tyss.link;

import java.util.HashMap;
import java.util.Map;

import tyss.contract.PersonKey;

/** Union-find over pseudonymous keys ({@code type:value}); each set is one person. */
final class KeyGraph {

    private final Map<String, String> parent = new HashMap<>();

    void add(String key) {
        parent.putIfAbsent(key, key);
    }

    String root(String key) {
        String r = key;
        while (!parent.get(r).equals(r)) {
            r = parent.get(r);
        }
        String k = key;
        while (!k.equals(r)) {
            String next = parent.get(k);
            parent.put(k, r);
            k = next;
        }
        return r;
    }

    boolean contains(String key) {
        return parent.containsKey(key);
    }

    /** Joins two sets; the more trusted key becomes the root, so the result never depends on the order of joins. */
    void union(String a, String b) {
        String ra = root(a);
        String rb = root(b);
        if (!ra.equals(rb)) {
            if (PersonKey.MOST_TRUSTED_FIRST.compare(ra, rb) < 0) {
                parent.put(rb, ra);
            } else {
                parent.put(ra, rb);
            }
        }
    }

    Iterable<String> keys() {
        return parent.keySet();
    }
}

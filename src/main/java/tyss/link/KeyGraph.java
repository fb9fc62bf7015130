package tyss.link;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import tyss.contract.PersonKey;

/**
 * Union-find over pseudonymous keys ({@code type:value}); each set is one person. A key is held
 * as its kind and its 128-bit pseudonym in primitive arrays (about 40 bytes a key, where a key
 * as strings in hash maps cost several hundred), so a region's millions of keys fit the heap cron
 * gives the pipeline; keys are numbered in the order they are first seen.
 */
final class KeyGraph {

    /** Kinds of key in the order they are trusted, as {@link PersonKey#MOST_TRUSTED_FIRST} orders them. */
    static final List<String> KINDS = concat(PersonKey.IDENTIFIERS, PersonKey.NAME_KEYS);

    static final int NONE = -1;

    private byte[] kind = new byte[1024];
    private long[] hi = new long[1024];
    private long[] lo = new long[1024];
    private int[] parent = new int[1024];
    private int size;
    private int[] table = filled(new int[2048]);

    int size() {
        return size;
    }

    /** The number of a key, adding it if new. */
    int add(int kindIndex, String value) {
        long h = parseHex(value, 0);
        long l = parseHex(value, 16);
        int slot = slot(kindIndex, h, l);
        if (table[slot] != NONE) {
            return table[slot];
        }
        if (size == kind.length) {
            int n = size * 2;
            kind = Arrays.copyOf(kind, n);
            hi = Arrays.copyOf(hi, n);
            lo = Arrays.copyOf(lo, n);
            parent = Arrays.copyOf(parent, n);
        }
        kind[size] = (byte) kindIndex;
        hi[size] = h;
        lo[size] = l;
        parent[size] = size;
        table[slot] = size;
        size++;
        if (size * 2 > table.length) {
            rehash();
        }
        return size - 1;
    }

    /** The number of a key, or {@link #NONE} if it is not in the graph. */
    int find(int kindIndex, String value) {
        int slot = slot(kindIndex, parseHex(value, 0), parseHex(value, 16));
        return table[slot];
    }

    int kind(int key) {
        return kind[key];
    }

    /** The key as stored: {@code type:value}. */
    String text(int key) {
        return KINDS.get(kind[key]) + ":" + value(key);
    }

    String value(int key) {
        return HexFormat.of().toHexDigits(hi[key]) + HexFormat.of().toHexDigits(lo[key]);
    }

    int root(int key) {
        int r = key;
        while (parent[r] != r) {
            r = parent[r];
        }
        while (parent[key] != r) {
            int next = parent[key];
            parent[key] = r;
            key = next;
        }
        return r;
    }

    /** Joins two sets; the more trusted key becomes the root, so the result never depends on the order of joins. */
    int union(int a, int b) {
        int ra = root(a);
        int rb = root(b);
        if (ra == rb) {
            return ra;
        }
        if (compare(ra, rb) < 0) {
            parent[rb] = ra;
            return ra;
        }
        parent[ra] = rb;
        return rb;
    }

    /** Most trusted kind first, then by value: the order of {@link PersonKey#MOST_TRUSTED_FIRST} on the keys as text. */
    int compare(int a, int b) {
        int c = Integer.compare(kind[a], kind[b]);
        if (c == 0) {
            c = Long.compareUnsigned(hi[a], hi[b]);
        }
        return c == 0 ? Long.compareUnsigned(lo[a], lo[b]) : c;
    }

    private int slot(int kindIndex, long h, long l) {
        int mask = table.length - 1;
        int i = (int) mix(h ^ Long.rotateLeft(l, 17) ^ kindIndex) & mask;
        while (table[i] != NONE) {
            int k = table[i];
            if (kind[k] == kindIndex && hi[k] == h && lo[k] == l) {
                return i;
            }
            i = (i + 1) & mask;
        }
        return i;
    }

    private void rehash() {
        table = filled(new int[table.length * 2]);
        int mask = table.length - 1;
        for (int k = 0; k < size; k++) {
            int i = (int) mix(hi[k] ^ Long.rotateLeft(lo[k], 17) ^ kind[k]) & mask;
            while (table[i] != NONE) {
                i = (i + 1) & mask;
            }
            table[i] = k;
        }
    }

    /** The pseudonyms are HMAC outputs, already uniform; the mix only spreads the bits the mask keeps. */
    private static long mix(long x) {
        x ^= x >>> 33;
        x *= 0xff51afd7ed558ccdL;
        return x ^ (x >>> 33);
    }

    private static long parseHex(String value, int from) {
        if (value.length() != 32) {
            throw new IllegalStateException("a stored key is not a 128-bit pseudonym (length " + value.length()
                    + "): was the store written by this pipeline?");
        }
        return Long.parseUnsignedLong(value, from, from + 16, 16);
    }

    private static int[] filled(int[] a) {
        Arrays.fill(a, NONE);
        return a;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return Stream.concat(a.stream(), b.stream()).toList();
    }
}

package tyss.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArchiveCipherTest {

    private static final byte[] KEY = new byte[32];
    private static final byte[] OTHER_KEY = new byte[32];

    static {
        Arrays.fill(KEY, (byte) 7);
        Arrays.fill(OTHER_KEY, (byte) 8);
    }

    @TempDir
    Path dir;

    @Test
    void a_file_of_several_segments_comes_back_byte_for_byte_and_no_plain_text_is_in_the_copy() throws IOException {
        // 2.5 MiB: two full 1 MiB segments and a half one, with a name in clear at the start
        byte[] plain = new byte[(5 << 20) / 2];
        new SplittableRandom(1).nextBytes(plain);
        byte[] name = "Zarvo Quillet,2009-03-01,9990000018".getBytes(StandardCharsets.UTF_8);
        System.arraycopy(name, 0, plain, 0, name.length);
        Path file = Files.write(dir.resolve("referrals.csv"), plain);

        new ArchiveCipher(KEY).seal(file, dir.resolve("sealed"));
        new ArchiveCipher(KEY).open(dir.resolve("sealed"), dir.resolve("opened.csv"));

        assertThat(Files.readAllBytes(dir.resolve("opened.csv"))).isEqualTo(plain);
        assertThat(new String(Files.readAllBytes(dir.resolve("sealed")), StandardCharsets.ISO_8859_1))
                .doesNotContain("Zarvo Quillet");
    }

    @Test
    void a_wrong_key_an_altered_byte_or_a_copy_cut_at_a_segment_end_does_not_open() throws IOException {
        byte[] plain = new byte[(1 << 20) + 10];
        new SplittableRandom(2).nextBytes(plain);
        Path file = Files.write(dir.resolve("f.csv"), plain);
        Path sealed = dir.resolve("sealed");
        new ArchiveCipher(KEY).seal(file, sealed);

        assertThatThrownBy(() -> new ArchiveCipher(OTHER_KEY).open(sealed, dir.resolve("a")))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("does not open with this key, or has been altered");

        byte[] altered = Files.readAllBytes(sealed);
        altered[100] ^= 1;
        Files.write(dir.resolve("altered"), altered);
        assertThatThrownBy(() -> new ArchiveCipher(KEY).open(dir.resolve("altered"), dir.resolve("b")))
                .isInstanceOf(IOException.class);

        // the first segment alone (header 15 bytes, 1 MiB and its 16-byte tag): it was not sealed as the last
        Files.write(dir.resolve("cut"), Arrays.copyOf(Files.readAllBytes(sealed), 15 + (1 << 20) + 16));
        assertThatThrownBy(() -> new ArchiveCipher(KEY).open(dir.resolve("cut"), dir.resolve("c")))
                .isInstanceOf(IOException.class);
    }
}

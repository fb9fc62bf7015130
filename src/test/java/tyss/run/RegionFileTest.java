package tyss.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tyss.cli.CliAccess;

class RegionFileTest {

    @TempDir
    Path dir;

    @BeforeEach
    void folders() throws IOException {
        for (String county : new String[] {"north", "south"}) {
            Files.createDirectories(dir.resolve(county));
            Files.writeString(dir.resolve(county + ".key"), "a-key-that-is-long-enough-" + county);
        }
    }

    @Test
    void folders_are_read_relative_to_the_file_and_each_authority_keeps_its_own() throws IOException {
        Path file = write("north", "data/north", "south", "data/south");
        RegionFile region = RegionFile.load(file);
        assertThat(region.authorities()).extracting(RegionFile.Authority::name).containsExactly("north", "south");
        assertThat(region.authorities().get(1).dataDir())
                .isEqualTo(dir.resolve("data/south").toAbsolutePath());
        assertThat(region.authorities().get(1).inbox())
                .isEqualTo(dir.resolve("south").toAbsolutePath());
        // the regional edition's folder, when the file names none
        assertThat(region.out()).isEqualTo(dir.resolve("regional").toAbsolutePath());

        // two authorities in one data folder would share an archive, a lock and logs
        assertThatThrownBy(() -> RegionFile.load(write("north", "data/shared", "south", "data/shared")))
                .hasMessageContaining("south: the folder")
                .hasMessageContaining("is another authority's too");
    }

    @Test
    void a_name_that_is_not_a_role_or_a_missing_inbox_is_a_one_line_refusal_with_exit_code_2() throws IOException {
        assertThatThrownBy(() -> RegionFile.load(write("North County", "data/north", "south", "data/south")))
                .hasMessageContaining("'North County' is not a PostgreSQL role name");
        Files.delete(dir.resolve("south"));
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = CliAccess.run(
                new String[] {
                    "region",
                    "--file",
                    write("north", "data/north", "south", "data/south").toString(),
                    "--quarter",
                    "2026-27 Q2"
                },
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                null);
        assertThat(code).isEqualTo(ExitCodes.BAD_ARGUMENTS);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .startsWith("tyss: south: the inbox folder")
                .contains("does not exist");
    }

    private Path write(String first, String firstData, String second, String secondData) throws IOException {
        String entry = """
                  - name: %s
                    inbox: %s
                    key-file: %s.key
                    data-dir: %s
                    out: out/%s
                """;
        String a = first.contains(" ") ? "north" : first;
        Path file = dir.resolve("region.yml");
        Files.writeString(
                file,
                "authorities:\n" + entry.formatted(first, a, a, firstData, a)
                        + entry.formatted(second, second, second, secondData, second));
        return file;
    }
}

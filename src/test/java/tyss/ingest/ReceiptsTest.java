package tyss.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReceiptsTest {

    @TempDir
    Path inbox;

    @Test
    void a_logged_file_is_received_on_its_logged_day_or_time_and_an_unlogged_one_when_first_seen() throws IOException {
        // GIVEN a log naming two files, one by day and one to the minute
        Files.writeString(
                inbox.resolve(Receipts.FILE),
                "file,received_at\npolice/asb_2026-27-Q2.csv,2026-10-12\n"
                        + "\"health/cypmh, late.csv\",2026-11-21T09:15\n");
        // WHEN
        Receipts receipts = Receipts.of(inbox);
        // THEN
        assertThat(receipts.of("police/asb_2026-27-Q2.csv")).isEqualTo(LocalDateTime.of(2026, 10, 12, 0, 0));
        assertThat(receipts.of("health/cypmh, late.csv")).isEqualTo(LocalDateTime.of(2026, 11, 21, 9, 15));
        // not logged: the day it is first seen, so two runs of the inbox that day record the same
        assertThat(receipts.of("yot/offences_2026-27-Q2.csv"))
                .isEqualTo(LocalDate.now().atStartOfDay());
    }

    @Test
    void no_log_means_every_file_is_received_when_first_seen() {
        assertThat(Receipts.of(inbox).logged("police/asb.csv")).isEmpty();
    }

    @Test
    void a_day_that_is_not_an_iso_date_is_refused_with_the_log_named() throws IOException {
        Files.writeString(inbox.resolve(Receipts.FILE), "file,received_at\npolice/asb.csv,12/10/2026\n");
        assertThatThrownBy(() -> Receipts.of(inbox))
                .hasMessageContaining("receipts.csv")
                .hasMessageContaining("12/10/2026");
    }

    @Test
    void the_log_is_not_a_data_file_of_the_inbox() throws IOException {
        Files.writeString(inbox.resolve(Receipts.FILE), "file,received_at\n");
        Files.createDirectories(inbox.resolve("police"));
        Files.writeString(inbox.resolve("police/asb.csv"), "x\n");
        assertThat(Inbox.list(inbox)).extracting(Inbox.Entry::relativeName).containsExactly("police/asb.csv");
    }
}

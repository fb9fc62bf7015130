package tyss.measure.service;

import static java.time.LocalDate.of;
import static org.assertj.core.api.Assertions.assertThat;
import static tyss.measure.Results.q2;
import static tyss.measure.Results.total;
import static tyss.measure.Results.value;

import java.util.List;

import org.junit.jupiter.api.Test;

import tyss.measure.MeasureFixture;
import tyss.measure.MeasureResult;

/** Hand-worked fixtures for S05, joint working, 2026-27 Q2 (1 July to 30 September 2026); each row says why it counts or not. */
class S05JointWorkingTest {

    private final MeasureFixture store = new MeasureFixture();

    @Test
    void s05_counts_joint_working_by_partner_activity_and_outcome() {
        store.row(
                "ds_tyss_joint_working",
                "person_id",
                "P1",
                "event_date",
                of(2026, 7, 1),
                "partner",
                "police_mace",
                "activity",
                "strategy meeting",
                "outcome",
                "safety plan");
        store.row(
                "ds_tyss_joint_working",
                "person_id",
                "P1",
                "event_date",
                of(2026, 7, 8),
                "partner",
                "school",
                "activity",
                "joint visit",
                "outcome",
                "safety plan");
        store.row(
                "ds_tyss_joint_working",
                "person_id",
                "P2",
                "event_date",
                of(2026, 7, 9),
                "partner",
                "school",
                "activity",
                "joint visit");
        List<MeasureResult> r = q2(new S05JointWorking(), store);
        assertThat(total(r, "joint_working")).isEqualTo("3");
        assertThat(value(r, "joint_working", "partner", "school")).isEqualTo("2");
        // activity and outcome are free text: values written fewer than 6 times go under "other",
        // so a name typed there is never published as a label; 7 joint visits are shown as such
        for (int i = 0; i < 7; i++) {
            store.row(
                    "ds_tyss_joint_working",
                    "person_id",
                    "P3",
                    "event_date",
                    of(2026, 8, 1),
                    "partner",
                    "school",
                    "activity",
                    "joint visit");
        }
        List<MeasureResult> more = q2(new S05JointWorking(), store);
        assertThat(value(more, "joint_working", "activity", "joint visit")).isEqualTo("9");
        assertThat(value(more, "joint_working", "activity", "other (each written fewer than 6 times)"))
                .isEqualTo("1");
        assertThat(value(more, "joint_working", "outcome", "other (each written fewer than 6 times)"))
                .isEqualTo("2");
        assertThat(value(more, "joint_working", "outcome", "not recorded")).isEqualTo("8");
        assertThat(total(r, "young_people")).isEqualTo("2");
    }
}

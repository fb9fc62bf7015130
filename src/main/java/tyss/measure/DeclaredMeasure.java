package tyss.measure;

import java.util.List;

import tyss.contract.DatasetId;

/**
 * What a measure's class declares about it, so it is written once, beside the SQL that makes it
 * true: its id and the datasets it reads. Its wording, targets and dashboard place are the logic
 * model's ({@link LogicModel}), checked against the classes when it loads. A measure is either
 * computed per period ({@link Measure}) or compares other measures' results ({@link ComparisonMeasure}).
 */
sealed interface DeclaredMeasure permits Measure, ComparisonMeasure {

    /** The public id, {@code S01}..{@code S18} or {@code Y01}..{@code Y17}. */
    String id();

    /** The datasets its queries read, as the reports list them, besides the referrals every measure may read for the cohort. */
    List<DatasetId> sources();
}

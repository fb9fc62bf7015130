package tyss.cli;

/** The text of {@code --help}. */
final class Help {

    private Help() {
    }

    static String text() {
        return """
                tyss: TYSS quarterly outcome reports from partner agency exports

                Usage:
                  tyss run --quarter "2025-26 Q1" --inbox FOLDER [options]   receive, ingest, link, compute and report
                  tyss ingest --inbox FOLDER [options]                     receive, ingest and link only
                  tyss report --quarter "2025-26 Q1" [options]              compute and report from what is stored
                  tyss validate --inbox FOLDER [--mapping FILE] [--out DIR]  check files without loading them
                  tyss rerun --manifest FILE [--archive DIR] [--out DIR]     repeat a published run from the archive and compare
                  tyss generate-samples --out FOLDER [--seed N] [--scale N] [--plant-effect F]
                                                                             write synthetic sample exports (F: a known effect, e.g. 0.4)
                  tyss audit --workbook FILE.xlsx [--pdf FILE.pdf]           the intruder's audit of a commissioners' edition

                Options:
                  --quarter Q            financial-year quarter, e.g. "2025-26 Q1" (Q1 = Apr-Jun, Q4 = Jan-Mar),
                                         or "latest" for the latest complete quarter
                  --inbox FOLDER         partner exports as <agency>/<dataset>_*.csv|xlsx, searched recursively
                  --mapping FILE         a local authority's column mapping (jobs/mappings/<la>.yml)
                  --out DIR              where outputs go (default out/; a quarter's go to out/<2025-26-Q1>/)
                  --data-dir DIR         the embedded database and the archive of received files (default data/)
                  --key-file FILE        the pseudonymisation key (or set TYSS_PSEUDONYM_KEY); required to ingest
                  --demo                 use the public demo key: synthetic sample data only, never real records
                  --reject-threshold F   fail the run if more than F of rows are rejected (default 0.05, or 5%)
                  --baseline PERIOD      the evaluator's baseline, a financial year "2024-25" or a quarter
                  --embedded-store       use the embedded H2 store even where the postgres profile is active
                  --publish-incomplete   publish even though a key measure's data was not received (every page says so)
                  --debug                more logging, and stack traces on failure
                  --help, --version

                Exit codes:
                  0 finished   1 internal failure (run the same command again to resume)   2 bad arguments
                  3 too many input rows rejected (see rejects.csv)   4 another run is in progress
                  5 a rerun did not reproduce the published outputs (its statement says what changed)
                  6 the intruder's audit could work out a withheld figure: the commissioners' edition was not published
                  7 a key measure's data was not received for the quarter (or no data reaches it): nothing was published
                """;
    }
}

package tyss.run;

/** Exit codes for cron and wrapper scripts. */
public final class ExitCodes {

    /** Finished; outputs written. */
    public static final int OK = 0;
    /** Something went wrong inside the pipeline; the log says what. Rerun the same command to resume. */
    public static final int INTERNAL_FAILURE = 1;
    /** The command line or configuration is wrong (unknown quarter, missing inbox, no key...). Nothing was run. */
    public static final int BAD_ARGUMENTS = 2;
    /** More input rows were rejected than the threshold allows; the rejects report says which. No report was published. */
    public static final int INPUT_REJECTED = 3;
    /** Another run holds the lock on this data folder; this one did nothing. */
    public static final int ALREADY_RUNNING = 4;
    /** An evaluator's rerun finished but did not reproduce the published outputs; its statement says what changed. */
    public static final int NOT_REPRODUCED = 5;

    /**
     * The intruder's audit could work out a withheld count from the commissioners' edition: the
     * run moved that edition aside (to {@code withheld/}) instead of publishing it.
     */
    public static final int DISCLOSURE = 6;

    /**
     * The quarter's report would rest on data not received: no received data reaches the quarter,
     * or a key (dashboard) measure's source does not cover it. Nothing was published; rerun with
     * {@code --publish-incomplete} to publish it marked incomplete on every page.
     */
    public static final int INCOMPLETE = 7;

    private ExitCodes() {}
}

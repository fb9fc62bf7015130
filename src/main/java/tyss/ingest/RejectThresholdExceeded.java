package tyss.ingest;

/** More rows were rejected than the configured threshold allows: the run stops before reporting. */
public class RejectThresholdExceeded extends RuntimeException {

    public RejectThresholdExceeded(String message) {
        super(message, null, false, false);
    }
}

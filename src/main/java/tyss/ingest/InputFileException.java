package tyss.ingest;

/** A file that cannot be read at all; the message is for the person who sent it. */
public class InputFileException extends RuntimeException {

    public InputFileException(String message) {
        super(message);
    }

    public InputFileException(String message, Throwable cause) {
        super(message, cause);
    }
}

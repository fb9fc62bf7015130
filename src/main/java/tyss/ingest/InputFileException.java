package tyss.ingest;

/** A file that cannot be read at all; the message is for the person who sent it. */
class InputFileException extends RuntimeException {

    /** The data rows a refused file still showed (all rejected with it), or 0 where none could be counted. */
    private final int rows;

    public InputFileException(String message) {
        this(message, null, 0);
    }

    public InputFileException(String message, Throwable cause) {
        this(message, cause, 0);
    }

    private InputFileException(String message, Throwable cause, int rows) {
        super(message, cause);
        this.rows = rows;
    }

    /** The same refusal, counting the file's rows, so the reject threshold weighs a refused file by its size. */
    InputFileException withRows(int rows) {
        return new InputFileException(getMessage(), getCause(), rows);
    }

    public int rows() {
        return rows;
    }
}

package tyss.cli;

/** A command line that cannot be run; the message is one line for the person who typed it. */
class UsageException extends RuntimeException {

    UsageException(String message) {
        super(message, null, false, false);
    }
}

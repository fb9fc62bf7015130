package tyss.run;

/** The quarter's report would rest on data not received (a key measure's source, or any data at all), so it was not published. */
class IncompleteReport extends RuntimeException {

    public IncompleteReport(String message) {
        super(message);
    }
}

package tyss.run;

/** The intruder's audit could work out a withheld figure from the commissioners' edition, so it was not published. */
class DisclosureAuditFailed extends RuntimeException {

    public DisclosureAuditFailed(String message) {
        super(message);
    }
}

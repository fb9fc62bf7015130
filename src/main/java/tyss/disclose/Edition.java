package tyss.disclose;

/** Who a report is for: the commissioners' edition is suppressed, the internal one is not and says so everywhere. */
public enum Edition {
    COMMISSIONERS("Commissioners' edition", "", null),
    INTERNAL(
            "Internal edition",
            "-internal",
            "INTERNAL \u2014 NOT FOR CIRCULATION: unsuppressed figures for the performance team only");

    public final String title;
    public final String fileSuffix;
    public final String banner;

    Edition(String title, String fileSuffix, String banner) {
        this.title = title;
        this.fileSuffix = fileSuffix;
        this.banner = banner;
    }
}

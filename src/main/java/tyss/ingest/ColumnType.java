package tyss.ingest;

/** How a contract column is parsed and stored. */
public enum ColumnType {
    TEXT, ID, DATE, DATETIME, INT, DECIMAL, CODE, CODE_LIST, MONTH,
    /** A name: used only to build pseudonymous match keys, never stored. */
    NAME,
    /** A date of birth: used for match keys, stored only as the month of birth. */
    DOB,
    /** A postcode: never stored. */
    POSTCODE,
    /** Free text a person typed (a closure reason): checked, never stored, since it may hold a name. */
    FREE_TEXT;

    static ColumnType of(String yaml) {
        return valueOf(yaml.trim().toUpperCase().replace('-', '_'));
    }

    /** Whether a value of this type reaches the store under the column's own name. */
    public boolean isStoredAsIs() {
        return this != NAME && this != DOB && this != POSTCODE && this != FREE_TEXT;
    }
}

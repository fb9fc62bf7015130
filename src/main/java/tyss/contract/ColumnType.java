package tyss.contract;

/** How a contract column is parsed and stored. */
public enum ColumnType {
    TEXT,
    /** An identifier of a person or case, pseudonymised on the way in. */
    ID,
    /** A DfE unique pupil number: an identifier whose check letter is verified. */
    UPN,
    /** An NHS number: an identifier whose modulus 11 check digit is verified. */
    NHS_NUMBER,
    DATE,
    DATETIME,
    INT,
    DECIMAL,
    CODE,
    CODE_LIST,
    MONTH,
    /** A name: used only to build pseudonymous match keys, never stored. */
    NAME,
    /** A date of birth: used for match keys, stored only as the month of birth. */
    DOB,
    /** A postcode: never stored. */
    POSTCODE,
    /** Free text a person typed (a closure reason): checked, never stored, since it may hold a name. */
    FREE_TEXT;

    public static ColumnType of(String yaml) {
        return valueOf(yaml.trim().toUpperCase().replace('-', '_'));
    }

    /** Whether values of this type identify a person and are stored only as keyed pseudonyms. */
    public boolean isIdentifier() {
        return this == ID || this == UPN || this == NHS_NUMBER;
    }

    /** Whether a value of this type reaches the store under the column's own name. */
    public boolean isStoredAsIs() {
        return this != NAME && this != DOB && this != POSTCODE && this != FREE_TEXT;
    }
}

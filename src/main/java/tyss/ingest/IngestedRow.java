package tyss.ingest;

/** A row after validate and protect: stored, or rejected with its issues (and possibly warnings when stored). */
public record IngestedRow(CheckedRow checked, StoredRow stored) {

    public boolean loaded() {
        return stored != null;
    }
}

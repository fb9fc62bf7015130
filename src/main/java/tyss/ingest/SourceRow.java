package tyss.ingest;

import java.util.List;

/** A row as read from a file, numbered as a person sees it in Excel or a text editor. */
record SourceRow(int rowNumber, List<String> cells) {

    boolean isBlank() {
        return cells.stream().allMatch(c -> c == null || c.isBlank());
    }
}

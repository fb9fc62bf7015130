package tyss.report;

import java.nio.file.Path;

import tyss.disclose.ReportModel;

/** One kind of output, laid out from an edition's report model and from nothing else. Adding a format is one class and a line in {@link ReportRenderer}. */
interface ReportFormat {

    /** The file's extension, without the dot. */
    String extension();

    void write(ReportModel model, Path file);
}

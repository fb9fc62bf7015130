package tyss.ingest;

/** A file accepted into the archive and waiting to be (or being) read. */
record ReceivedFile(long fileId, String sourceName, String dataset, String archivedPath) {}

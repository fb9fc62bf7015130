package tyss.run;

import java.time.LocalDateTime;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code run_record} table: one row per run id, kept across restarts of the same run. */
@Repository
class RunRecords {

    private final JdbcClient jdbc;

    public RunRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void started(RunSettings settings, RunIdentity identity, String logicModelVersion) {
        int updated = jdbc.sql(
                        "UPDATE run_record SET status = 'STARTED', started_at = ?, finished_at = NULL WHERE run_id = ?")
                .params(LocalDateTime.now(), identity.runId())
                .update();
        if (updated == 0) {
            jdbc.sql(
                            "INSERT INTO run_record (run_id, command, quarter, inbox_fingerprint, config_hash, key_fingerprint, "
                                    + "software_version, logic_model_version, status, started_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'STARTED', ?)")
                    .params(
                            identity.runId(),
                            settings.command().word,
                            settings.quarter().map(Object::toString).orElse(null),
                            identity.inboxFingerprint(),
                            identity.configHash(),
                            settings.key() == null ? null : settings.key().fingerprint(),
                            identity.softwareVersion(),
                            logicModelVersion,
                            LocalDateTime.now())
                    .update();
        }
    }

    /** The run that completed last, if it is another one and this one completed before it: the store has changed since. */
    public Optional<String> completedSince(String runId) {
        Optional<String> latest = jdbc.sql(
                        "SELECT run_id FROM run_record WHERE status = 'COMPLETED' ORDER BY finished_at DESC, run_id FETCH FIRST 1 ROWS ONLY")
                .query(String.class)
                .optional();
        boolean completedBefore = jdbc.sql("SELECT COUNT(*) FROM run_record WHERE run_id = ? AND status = 'COMPLETED'")
                        .param(runId)
                        .query(Integer.class)
                        .single()
                > 0;
        return latest.filter(l -> completedBefore && !l.equals(runId));
    }

    public void finished(String runId, String status, Long jobExecutionId) {
        jdbc.sql("UPDATE run_record SET status = ?, finished_at = ?, job_execution_id = ? WHERE run_id = ?")
                .params(status, LocalDateTime.now(), jobExecutionId, runId)
                .update();
    }
}

package tyss.run;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.listener.ChunkListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Lets the restart tests stop a run at a known point: with {@code tyss.fault.pause-after-chunks=N}
 * the run stalls after its N-th committed chunk, with {@code tyss.fault.pause-before-step=NAME}
 * before that step, so a test can {@code kill -9} it there. Inert unless those properties are set.
 */
@Component
class FaultInjection implements StepExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(FaultInjection.class);

    private final int pauseAfterChunks;
    private final String pauseBeforeStep;
    private int chunks;

    FaultInjection(Environment environment) {
        this.pauseAfterChunks = environment.getProperty("tyss.fault.pause-after-chunks", Integer.class, -1);
        this.pauseBeforeStep = environment.getProperty("tyss.fault.pause-before-step", "");
    }

    /** A listener for a chunk-oriented step that pauses after the configured chunk. */
    <I, O> ChunkListener<I, O> chunks() {
        return new ChunkListener<>() {
            @Override
            public void afterChunk(Chunk<O> chunk) {
                if (++chunks == pauseAfterChunks) {
                    pause("after chunk " + chunks);
                }
            }
        };
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        if (stepExecution.getStepName().equals(pauseBeforeStep)) {
            pause("before step " + pauseBeforeStep);
        }
    }

    private static void pause(String where) {
        log.info("fault injection: paused {}", where);
        try {
            Thread.sleep(600_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

package tyss.ingest;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * The {@code read}, {@code validate} and {@code protect} stages on a thread of their own, a bounded
 * number of rows ahead of the chunk that stores them, so that the second core reads and pseudonymises
 * while the first stores. Restart-safe as the plain reader is: the position saved at each commit is
 * that of the last row handed to the chunk, not of the last row read ahead, and what the reader
 * records about files (finished, refused, broken off) runs on the step's thread, in the transaction
 * of the chunk that reaches it, in the order it was read. A failure on the reading thread is thrown
 * where the chunk reaches it, so rows read before it are stored as they were before.
 */
public class ReadAhead implements ItemStreamReader<IngestedRow> {

    /** Rows go across in batches, so the two threads meet once a batch rather than once a row. */
    private static final int BATCH = 500;
    /** Batches read ahead at most: two chunks of 5,000 rows, enough to cover a chunk's commit. */
    private static final int BATCHES_AHEAD = 20;

    private sealed interface Item {}

    private record Row(IngestedRow row, InboxRowReader.Position position) implements Item {}

    private record Bookkeeping(Runnable action) implements Item {}

    private record Failure(Throwable error) implements Item {}

    private record End() implements Item {}

    private final InboxRowReader reader;
    private final RowProcessor processor;
    private final BlockingQueue<List<Item>> queue = new ArrayBlockingQueue<>(BATCHES_AHEAD);
    private Thread producer;
    private volatile boolean stopping;
    private Iterator<Item> batch = List.<Item>of().iterator();
    private InboxRowReader.Position handedOn;
    private boolean ended;

    /** Both are used only by the reading thread once {@link #open} has started it. */
    public ReadAhead(InboxRowReader reader, RowProcessor processor) {
        this.reader = reader;
        this.processor = processor;
    }

    @Override
    public void open(ExecutionContext context) {
        reader.open(context);
        List<Item> pending = new ArrayList<>(BATCH);
        reader.deferBookkeeping(action -> pending.add(new Bookkeeping(action)));
        producer = new Thread(() -> produce(pending), "ingest-read-ahead");
        producer.setDaemon(true);
        producer.start();
    }

    private void produce(List<Item> pending) {
        List<Item> out = pending;
        try {
            while (!stopping) {
                FileRow row = reader.read();
                if (row == null) {
                    out.add(new End());
                    break;
                }
                out.add(new Row(processor.process(row), reader.position()));
                if (out.size() >= BATCH) {
                    handOver(out);
                    out.clear();
                }
            }
        } catch (InterruptedException e) {
            return;
        } catch (RuntimeException | Error e) {
            out.add(new Failure(e));
        }
        try {
            handOver(out);
        } catch (InterruptedException e) {
            // closed while the last batch waited: nobody will read it
        }
    }

    /** A copy goes across: the reader keeps appending its bookkeeping to {@code out}. */
    private void handOver(List<Item> out) throws InterruptedException {
        List<Item> copy = List.copyOf(out);
        while (!queue.offer(copy, 100, TimeUnit.MILLISECONDS)) {
            if (stopping) {
                throw new InterruptedException();
            }
        }
    }

    @Override
    public IngestedRow read() {
        while (!ended) {
            if (!batch.hasNext()) {
                batch = take().iterator();
                continue;
            }
            Item item = batch.next();
            if (item instanceof Row r) {
                handedOn = r.position();
                return r.row();
            } else if (item instanceof Bookkeeping b) {
                b.action().run();
            } else if (item instanceof Failure f) {
                ended = true;
                if (f.error() instanceof Error error) {
                    throw error;
                }
                throw (RuntimeException) f.error();
            } else {
                ended = true;
            }
        }
        return null;
    }

    private List<Item> take() {
        try {
            return queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ItemStreamException("interrupted while waiting for rows read ahead", e);
        }
    }

    /** Called before each chunk commits: every row handed on so far is in it. */
    @Override
    public void update(ExecutionContext context) {
        InboxRowReader.save(handedOn, context);
    }

    @Override
    public void close() throws ItemStreamException {
        if (producer != null) {
            stopping = true;
            queue.clear();
            try {
                producer.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            producer = null;
        }
        reader.close();
    }
}

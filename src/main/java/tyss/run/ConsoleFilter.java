package tyss.run;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;

/**
 * The console appender's filter (logback-spring.xml): a stage line is printed by {@link StageLines}
 * itself, so never here; with mode {@code stages} (not a terminal, or {@code --quiet}) nothing
 * else is either, and the per-file and per-measure progress stays in the log file.
 */
public class ConsoleFilter extends Filter<ILoggingEvent> {

    private boolean stagesOnly;

    public void setMode(String mode) {
        this.stagesOnly = "stages".equals(mode);
    }

    @Override
    public FilterReply decide(ILoggingEvent event) {
        boolean stageLine =
                event.getMarkerList() != null && event.getMarkerList().contains(StageLines.STAGE);
        return stagesOnly || stageLine ? FilterReply.DENY : FilterReply.NEUTRAL;
    }
}

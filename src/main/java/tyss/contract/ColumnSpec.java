package tyss.contract;

import java.math.BigDecimal;
import java.util.List;

/**
 * One contract column of a dataset.
 *
 * @param headers   header names accepted for it besides its own name (matched ignoring case,
 *                  spaces and punctuation)
 * @param notBefore another column this one may not precede (an end before its start is a row error)
 * @param keyOptional an optional column a measure needs ({@code key-optional: true}): the partner
 *                  data-quality scorecard reports how often it is filled, as it does for required ones
 */
public record ColumnSpec(
        String name,
        ColumnType type,
        boolean required,
        CodeList codes,
        String notBefore,
        BigDecimal min,
        BigDecimal max,
        List<String> headers,
        boolean keyOptional) {}

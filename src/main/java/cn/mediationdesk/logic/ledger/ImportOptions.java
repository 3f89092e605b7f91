package cn.mediationdesk.logic.ledger;

import java.nio.charset.Charset;

/**
 * How to import a ledger.
 *
 * @param dryRun check everything, write nothing
 * @param createMissing create communities and committees the ledger names but the database lacks
 * @param charset the encoding of a CSV file, or {@code null} to detect UTF-8 / GBK
 * @param allowCorrections apply rows that would move a finished lead backwards (a closed case
 *                         reopened, its result, agreement or a party removed) as audited
 *                         corrections, which a director or administrator may make; without it such
 *                         rows are problems
 */
public record ImportOptions(boolean dryRun, boolean createMissing, Charset charset, boolean allowCorrections) {
    /** Options without corrections. */
    public ImportOptions(boolean dryRun, boolean createMissing, Charset charset) {
        this(dryRun, createMissing, charset, false);
    }
}

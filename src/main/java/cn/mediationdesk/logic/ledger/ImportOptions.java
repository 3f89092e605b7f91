package cn.mediationdesk.logic.ledger;

import java.nio.charset.Charset;

/**
 * How to import a ledger.
 *
 * @param dryRun check everything, write nothing
 * @param createMissing create communities and committees the ledger names but the database lacks
 * @param charset the encoding of a CSV file, or {@code null} to detect UTF-8 / GBK
 */
public record ImportOptions(boolean dryRun, boolean createMissing, Charset charset) {
}

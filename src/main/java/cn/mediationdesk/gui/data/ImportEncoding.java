package cn.mediationdesk.gui.data;

import cn.mediationdesk.logic.ledger.LedgerReader;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/** How the text of a CSV ledger is encoded; a workbook needs no choice. */
public enum ImportEncoding {
    /** UTF-8 when the bytes are valid UTF-8, else GBK (what Excel writes on a Chinese Windows). */
    AUTO(null),
    UTF_8(StandardCharsets.UTF_8),
    GBK(LedgerReader.GBK);

    private final Charset charset;

    ImportEncoding(Charset charset) {
        this.charset = charset;
    }

    /** The charset to force, or {@code null} to detect it. */
    public Charset charset() {
        return charset;
    }
}

package cn.mediationdesk.model;

/** What verification found (DESIGN §3). Only {@link #GENUINE} leads go on to mediation. */
public enum VerificationResult {
    GENUINE, UNFOUNDED, DUPLICATE, TRANSFERRED;

    /** A result that ends the lead's life: no acceptance can follow. */
    public boolean isFinal() {
        return this != GENUINE;
    }
}

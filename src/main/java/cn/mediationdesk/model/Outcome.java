package cn.mediationdesk.model;

/** How an accepted case ended (DESIGN §3). */
public enum Outcome {
    RESOLVED, FAILED, TERMINATED
}

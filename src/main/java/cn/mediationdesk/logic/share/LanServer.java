package cn.mediationdesk.logic.share;

/** A database served to the LAN (H2's TCP server, started by this process) until it is closed. */
public interface LanServer extends AutoCloseable {
    /** The name the other PCs give after the port: {@code jdbc:h2:tcp://HOST:PORT/mediationdesk}. */
    String ALIAS = "mediationdesk";

    int port();

    /** Stops serving; the other PCs' connections are closed. The database itself stays open here. */
    @Override
    void close();
}

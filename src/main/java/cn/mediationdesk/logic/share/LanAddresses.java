package cn.mediationdesk.logic.share;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The addresses other PCs on the LAN reach this one at: IPv4 of the interfaces that are up, loopback left out. */
public final class LanAddresses {
    private LanAddresses() {
    }

    public static List<String> ofThisPc() {
        List<String> addresses = new ArrayList<>();
        try {
            for (NetworkInterface net : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (!net.isUp() || net.isLoopback()) {
                    continue;
                }
                for (InetAddress address : Collections.list(net.getInetAddresses())) {
                    if (address instanceof Inet4Address && !address.isLoopbackAddress() && !address.isLinkLocalAddress()) {
                        addresses.add(address.getHostAddress());
                    }
                }
            }
        } catch (SocketException e) {
            // No interfaces to list: the office is told to look the address up itself.
            return List.of();
        }
        return addresses.stream().distinct().sorted().toList();
    }

    /** What the other PCs type as the database: {@code jdbc:h2:tcp://HOST:PORT/mediationdesk}. */
    public static String connectionString(String host, int port) {
        return "jdbc:h2:tcp://" + host + ":" + port + "/" + LanServer.ALIAS;
    }
}

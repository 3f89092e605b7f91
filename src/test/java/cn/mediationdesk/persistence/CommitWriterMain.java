package cn.mediationdesk.persistence;

import cn.mediationdesk.logic.store.Store;

/**
 * The child process of {@link DurabilityTest}: opens (creating if needed) the database at
 * {@code args[0]} and commits one community after another, codes {@code args[1]} + 1, 2, 3 …,
 * printing {@code ACK <code>} only after {@link Store#write} has returned, until it is killed.
 */
public final class CommitWriterMain {
    public static final String ACK = "ACK ";

    private CommitWriterMain() {
    }

    public static void main(String[] args) {
        String prefix = args[1];
        Store store = Database.open(DatabaseLocation.parse(args[0]), true);
        for (int i = 1; ; i++) {
            String code = prefix + i;
            store.write(tx -> tx.organization().insertCommunity(code, "持久性测试社区" + code));
            System.out.println(ACK + code);
            System.out.flush();
        }
    }
}

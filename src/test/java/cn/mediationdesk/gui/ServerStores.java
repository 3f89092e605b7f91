package cn.mediationdesk.gui;

import cn.mediationdesk.logic.store.Store;

/** A store that stands for a database server the test must never reach: any database work fails the test. */
public final class ServerStores {
    private ServerStores() {
    }

    public static Store untouched(String location) {
        return new Store() {
            @Override
            public <R> R read(Work<R> work) {
                throw new UnsupportedOperationException("no database work expected");
            }

            @Override
            public <R> R write(Work<R> work) {
                throw new UnsupportedOperationException("no database work expected");
            }

            @Override
            public String location() {
                return location;
            }

            @Override
            public void close() {
            }
        };
    }
}

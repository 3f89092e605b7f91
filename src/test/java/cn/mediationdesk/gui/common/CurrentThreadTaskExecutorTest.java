package cn.mediationdesk.gui.common;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CurrentThreadTaskExecutorTest {
    @Test
    void handsTheResultToOnSuccessOnly() {
        List<String> calls = new ArrayList<>();
        new CurrentThreadTaskExecutor().execute(() -> "done", result -> calls.add("success " + result),
                failure -> calls.add("failure"));
        assertThat(calls).containsExactly("success done");
    }

    @Test
    void handsWhatWasThrownToOnFailureOnly() {
        List<String> calls = new ArrayList<>();
        new CurrentThreadTaskExecutor().execute(() -> {
            throw new IllegalStateException("boom");
        }, result -> calls.add("success"), failure -> calls.add("failure " + failure.getMessage()));
        assertThat(calls).containsExactly("failure boom");
    }
}

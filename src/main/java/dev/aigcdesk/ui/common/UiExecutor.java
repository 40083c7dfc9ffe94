package dev.aigcdesk.ui.common;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Runs work off the JavaFX thread and hands the result back on it. The app uses a thread pool;
 * view-model tests use {@link #IMMEDIATE}, which runs everything inline and in order.
 */
public interface UiExecutor {

    UiExecutor IMMEDIATE = new UiExecutor() {
        @Override
        public <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onError) {
            T result;
            try {
                result = work.call();
            } catch (Exception e) {
                onError.accept(e);
                return;
            }
            onSuccess.accept(result);
        }

        @Override
        public void onUi(Runnable r) {
            r.run();
        }
    };

    <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onError);

    /** Runs on the UI thread (now, if already on it). */
    void onUi(Runnable r);
}

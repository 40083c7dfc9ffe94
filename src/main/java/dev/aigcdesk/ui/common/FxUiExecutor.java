package dev.aigcdesk.ui.common;

import dev.aigcdesk.pacing.ThreadPools;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import javafx.application.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Background work on a small daemon pool; results and errors come back through {@link Platform#runLater}. */
public final class FxUiExecutor implements UiExecutor, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FxUiExecutor.class);
    private final ExecutorService pool;

    public FxUiExecutor(int threads) {
        pool = ThreadPools.fixed("ui-work", threads);
    }

    @Override
    public <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onError) {
        if (pool.isShutdown()) {
            // The window is closing (or its session switched): late work, such as a thumbnail that finished loading, is
            // dropped.
            LOG.debug("Dropped background work after close");
            return;
        }
        try {
            execute(work, onSuccess, onError);
        } catch (RejectedExecutionException closing) {
            LOG.debug("Dropped background work while closing");
        }
    }

    private <T> void execute(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onError) {
        pool.execute(() -> {
            try {
                T result = work.call();
                Platform.runLater(() -> onSuccess.accept(result));
            } catch (Throwable e) {
                // Logged here, where it is caught; the caller shows it where it applies.
                LOG.warn("Background work failed: {}", e.toString(), e);
                Platform.runLater(() -> onError.accept(e));
            }
        });
    }

    @Override
    public void onUi(Runnable r) {
        if (Platform.isFxApplicationThread()) {
            r.run();
        } else {
            Platform.runLater(r);
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}

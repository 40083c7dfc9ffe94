package dev.aigcdesk.ui.settings;

import dev.aigcdesk.config.ApiKeyStore;
import dev.aigcdesk.config.Settings;
import dev.aigcdesk.config.SettingsStore;
import dev.aigcdesk.ui.common.UiExecutor;
import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** Settings being edited: the key, the connection, the folders and the look. Saved off the JavaFX thread. */
public final class SettingsViewModel {

    /** Asks the service once with the given base and key; answers a sentence. Supplied by the composition root. */
    @FunctionalInterface
    public interface ConnectionTester {
        Result test(String baseUrl, String key) throws InterruptedException;

        record Result(boolean ok, String message) {}
    }

    private final SettingsStore store;
    private final ApiKeyStore keys;
    private final ConnectionTester tester;
    private final UiExecutor ui;
    private final StringProperty key = new SimpleStringProperty("");
    private final StringProperty testResult = new SimpleStringProperty("");
    private final BooleanProperty testOk = new SimpleBooleanProperty();
    private final ObjectProperty<Settings> settings = new SimpleObjectProperty<>(Settings.DEFAULTS);
    private final ObjectProperty<ApiKeyStore.Where> destination =
            new SimpleObjectProperty<>(ApiKeyStore.Where.PRIVATE_FILE);
    private String loadedKey = "";

    public SettingsViewModel(SettingsStore store, ApiKeyStore keys, ConnectionTester tester, UiExecutor ui) {
        this.store = store;
        this.keys = keys;
        this.tester = tester;
        this.ui = ui;
    }

    public StringProperty keyProperty() {
        return key;
    }

    public StringProperty testResultProperty() {
        return testResult;
    }

    public BooleanProperty testOkProperty() {
        return testOk;
    }

    public ObjectProperty<Settings> settingsProperty() {
        return settings;
    }

    public void load(Runnable done) {
        ui.run(
                () -> new Object[] {store.load(), keys.load().orElse(""), keys.destination()},
                r -> {
                    settings.set((Settings) r[0]);
                    loadedKey = (String) r[1];
                    key.set(loadedKey);
                    destination.set((ApiKeyStore.Where) r[2]);
                    done.run();
                },
                e -> done.run());
    }

    /** Where the key goes when saved, known after {@link #load}. */
    public ObjectProperty<ApiKeyStore.Where> destinationProperty() {
        return destination;
    }

    public Path keyFile() {
        return keys.file();
    }

    public void test(String baseUrl) {
        testResult.set("…");
        String k = key.get();
        ui.run(
                () -> tester.test(baseUrl, k),
                r -> {
                    testOk.set(r.ok());
                    testResult.set(r.message());
                },
                e -> {
                    testOk.set(false);
                    testResult.set(e.getMessage());
                });
    }

    /** Saves settings and (if changed) the key; tells where the key went, or why nothing was saved. */
    public void save(Settings s, Consumer<ApiKeyStore.Where> done, Consumer<Throwable> failed) {
        String k = key.get() == null ? "" : key.get().strip();
        boolean keyChanged = !k.equals(loadedKey);
        ui.run(
                () -> {
                    store.save(s);
                    if (!keyChanged) {
                        return null;
                    }
                    if (k.isEmpty()) {
                        keys.clear();
                        return null;
                    }
                    return keys.save(k);
                },
                where -> {
                    settings.set(s);
                    loadedKey = k;
                    done.accept(where);
                },
                failed);
    }
}

package dev.aigcdesk.ui.settings;

import dev.aigcdesk.app.TeamSetup;
import dev.aigcdesk.config.TeamConnection;
import dev.aigcdesk.ui.common.UiExecutor;
import java.util.function.Function;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Settings → Team library: the team's database and store being entered, connecting (checked before
 * anything is saved) and disconnecting, all off the JavaFX thread. Secrets are held only until
 * connected, then kept by the app like the API key.
 */
public final class TeamViewModel {

    /** What the dialog says about where this desktop stands; {@code words} turns a status into a sentence. */
    public interface Words {
        String of(TeamSetup.Status s);
    }

    private final TeamSetup team;
    private final UiExecutor ui;
    private final Function<Throwable, String> say;
    private final Words words;
    private final StringProperty database = new SimpleStringProperty("");
    private final StringProperty password = new SimpleStringProperty("");
    private final StringProperty desktop = new SimpleStringProperty("");
    private final StringProperty store = new SimpleStringProperty("");
    private final StringProperty endpoint = new SimpleStringProperty("");
    private final StringProperty region = new SimpleStringProperty("");
    private final BooleanProperty pathStyle = new SimpleBooleanProperty();
    private final IntegerProperty copiesGb = new SimpleIntegerProperty(TeamConnection.DEFAULT_COPIES_GB);
    private final StringProperty accessKey = new SimpleStringProperty("");
    private final StringProperty secretKey = new SimpleStringProperty("");
    private final StringProperty status = new SimpleStringProperty("");
    private final BooleanProperty connected = new SimpleBooleanProperty();
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final BooleanProperty failed = new SimpleBooleanProperty();

    public TeamViewModel(TeamSetup team, Words words, Function<Throwable, String> say, UiExecutor ui) {
        this.team = team;
        this.words = words;
        this.say = say;
        this.ui = ui;
    }

    /** Reads where this desktop stands (asking the team whether it answers). */
    public void load() {
        busy.set(true);
        ui.run(team::status, this::show, this::fail);
    }

    /** Connects with what was entered; {@code done} runs (on the JavaFX thread) once it is kept. */
    public void connect(Runnable done) {
        busy.set(true);
        failed.set(false);
        TeamSetup.StoreKeys keys = accessKey.get().isBlank() || secretKey.get().isBlank()
                ? null
                : new TeamSetup.StoreKeys(
                        accessKey.get().strip(), secretKey.get().strip());
        ui.run(
                () -> team.connect(new TeamSetup.Request(
                        database.get().strip(),
                        password.get().isEmpty() ? null : password.get(),
                        desktop.get(),
                        store.get().isBlank() ? null : store.get().strip(),
                        endpoint.get().isBlank() ? null : endpoint.get().strip(),
                        region.get().isBlank() ? null : region.get().strip(),
                        pathStyle.get(),
                        keys,
                        copiesGb.get())),
                s -> {
                    password.set("");
                    secretKey.set("");
                    show(s);
                    done.run();
                },
                this::fail);
    }

    /** Back to this desktop's own library; {@code done} runs once it is so. */
    public void disconnect(Runnable done) {
        busy.set(true);
        ui.run(
                () -> {
                    team.disconnect();
                    return team.status();
                },
                s -> {
                    show(s);
                    done.run();
                },
                this::fail);
    }

    private void show(TeamSetup.Status s) {
        busy.set(false);
        connected.set(s.connected());
        failed.set(s.connected() && !s.reachable());
        status.set(words.of(s));
        if (s.connected()) {
            database.set(s.database());
            desktop.set(s.desktop() == null ? "" : s.desktop());
        }
    }

    private void fail(Throwable e) {
        busy.set(false);
        failed.set(true);
        status.set(say.apply(e));
    }

    public StringProperty databaseProperty() {
        return database;
    }

    public StringProperty passwordProperty() {
        return password;
    }

    public StringProperty desktopProperty() {
        return desktop;
    }

    public StringProperty storeProperty() {
        return store;
    }

    public StringProperty endpointProperty() {
        return endpoint;
    }

    public StringProperty regionProperty() {
        return region;
    }

    public BooleanProperty pathStyleProperty() {
        return pathStyle;
    }

    /** How much of the others' files this desktop keeps a copy of, in GB. */
    public IntegerProperty copiesGbProperty() {
        return copiesGb;
    }

    public StringProperty accessKeyProperty() {
        return accessKey;
    }

    public StringProperty secretKeyProperty() {
        return secretKey;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public BooleanProperty connectedProperty() {
        return connected;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    /** The last step failed, or the team does not answer: the status reads as an error. */
    public BooleanProperty failedProperty() {
        return failed;
    }
}

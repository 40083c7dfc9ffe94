package dev.aigcdesk.ui.settings;

import dev.aigcdesk.app.TeamSetup;
import dev.aigcdesk.ui.common.I18n;
import javafx.beans.property.StringProperty;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.Window;

/**
 * Settings → Team library: the studio's PostgreSQL and S3-compatible store, this desktop's name, and
 * Connect or Disconnect. Nothing is kept until the team has answered; the window then reopens on the
 * team's library (or on this desktop's own, which is as it was).
 */
public final class TeamDialog extends Dialog<Void> {

    public TeamDialog(Window owner, TeamViewModel vm, I18n i18n, Runnable switched) {
        initOwner(owner);
        setTitle(i18n.get("team.title"));
        setHeaderText(null);

        TextField db = field(
                vm.databaseProperty(), "team-db", "postgresql://db.studio:5432/aigc?user=desk", i18n.get("team.db"));
        PasswordField password = new PasswordField();
        bind(password, vm.passwordProperty(), "team-password", "", i18n.get("team.password"));
        TextField name =
                field(vm.desktopProperty(), "team-name", System.getProperty("user.name", ""), i18n.get("team.name"));
        TextField store = field(vm.storeProperty(), "team-store", "s3://studio-aigc/library", i18n.get("team.store"));
        TextField endpoint = field(
                vm.endpointProperty(),
                "team-endpoint",
                "https://cos.ap-guangzhou.myqcloud.com",
                i18n.get("team.endpoint"));
        TextField region = field(vm.regionProperty(), "team-region", "ap-guangzhou", i18n.get("team.region"));
        CheckBox pathStyle = new CheckBox(i18n.get("team.pathStyle"));
        pathStyle.selectedProperty().bindBidirectional(vm.pathStyleProperty());
        TextField access = field(vm.accessKeyProperty(), "team-access", "AKID…", i18n.get("team.access"));
        PasswordField secret = new PasswordField();
        bind(secret, vm.secretKeyProperty(), "team-secret", "", i18n.get("team.secret"));

        Label status = new Label();
        status.setId("team-status");
        status.setWrapText(true);
        status.textProperty().bind(vm.statusProperty());
        vm.failedProperty().addListener((o, a, b) -> status.getStyleClass().setAll("label", b ? "danger" : "note"));
        status.getStyleClass().setAll("label", "note");
        Label keysNote = new Label(i18n.get("team.keysNote"));
        keysNote.getStyleClass().add("note");
        keysNote.setWrapText(true);

        Button connect = new Button(i18n.get("team.connect"));
        connect.setId("team-connect");
        connect.setDefaultButton(true);
        connect.disableProperty()
                .bind(vm.busyProperty().or(vm.databaseProperty().isEmpty()));
        connect.setOnAction(e -> vm.connect(switched));
        Button disconnect = new Button(i18n.get("team.disconnect"));
        disconnect.setId("team-disconnect");
        disconnect
                .disableProperty()
                .bind(vm.busyProperty().or(vm.connectedProperty().not()));
        disconnect.setOnAction(e -> vm.disconnect(switched));

        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(8);
        g.setPadding(new Insets(16));
        int row = 0;
        g.addRow(row++, new Label(i18n.get("team.db")), grow(db));
        g.addRow(row++, new Label(i18n.get("team.password")), grow(password));
        g.addRow(row++, new Label(i18n.get("team.name")), grow(name));
        g.addRow(row++, new Label(i18n.get("team.store")), grow(store));
        g.addRow(row++, new Label(i18n.get("team.endpoint")), grow(endpoint));
        g.addRow(row++, new Label(i18n.get("team.region")), grow(region));
        g.add(pathStyle, 1, row++);
        Spinner<Integer> copies = new Spinner<>(1, 2000, vm.copiesGbProperty().get());
        copies.setEditable(true);
        copies.setId("team-copies");
        copies.valueProperty().addListener((o, a, b) -> vm.copiesGbProperty().set(b));
        g.addRow(
                row++,
                new Label(i18n.get("team.copies")),
                new HBox(8, copies, new Label(i18n.get("team.copies.unit"))));
        g.addRow(row++, new Label(i18n.get("team.access")), grow(access));
        g.addRow(row++, new Label(i18n.get("team.secret")), grow(secret));
        g.add(keysNote, 1, row++);
        g.add(new HBox(8, connect, disconnect), 1, row++);
        g.add(status, 1, row);
        for (Label wrapped : new Label[] {status, keysNote}) {
            // A wrapped note in a grid cell grows downwards instead of ending in "…".
            wrapped.setMinHeight(Region.USE_PREF_SIZE);
            wrapped.setMaxWidth(Double.MAX_VALUE);
        }
        for (Node n : g.getChildren()) {
            if (n instanceof Label l && GridPane.getColumnIndex(l) != null && GridPane.getColumnIndex(l) == 0) {
                l.setMinWidth(Region.USE_PREF_SIZE);
            }
        }
        getDialogPane().setContent(g);
        getDialogPane()
                .getButtonTypes()
                .setAll(new ButtonType(i18n.get("dialog.close"), ButtonBar.ButtonData.CANCEL_CLOSE));
        getDialogPane().setPrefWidth(640);
        if (owner != null && owner.getScene() != null) {
            getDialogPane().getStylesheets().setAll(owner.getScene().getStylesheets());
            getDialogPane().setStyle(owner.getScene().getRoot().getStyle());
        }
        setOnShown(e -> db.requestFocus());
        vm.load();
    }

    /** Where this desktop stands, as the dialog says it. */
    public static String describe(TeamSetup.Status s, I18n i18n) {
        if (!s.connected()) {
            return i18n.get("team.local", s.database());
        }
        if (!s.reachable()) {
            return i18n.get("team.unreachable", s.database(), s.problem());
        }
        return i18n.get(
                "team.connected",
                s.database(),
                s.desktop(),
                s.tasks(),
                s.store() == null ? i18n.get("team.filesLocal") : s.store(),
                String.join(", ", s.desktopsOpen()));
    }

    private static TextField field(StringProperty p, String id, String prompt, String name) {
        TextField f = new TextField();
        bind(f, p, id, prompt, name);
        return f;
    }

    private static void bind(TextInputControl f, StringProperty p, String id, String prompt, String name) {
        f.textProperty().bindBidirectional(p);
        f.setId(id);
        f.setPromptText(prompt);
        f.setAccessibleText(name);
    }

    private static <T extends Node> T grow(T n) {
        GridPane.setHgrow(n, Priority.ALWAYS);
        return n;
    }
}

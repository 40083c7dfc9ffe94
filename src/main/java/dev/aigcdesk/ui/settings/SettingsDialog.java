package dev.aigcdesk.ui.settings;

import dev.aigcdesk.config.ApiKeyStore;
import dev.aigcdesk.config.Settings;
import dev.aigcdesk.ui.common.ErrorWords;
import dev.aigcdesk.ui.common.I18n;
import dev.aigcdesk.ui.common.Icons;
import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.DirectoryChooser;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.kordamp.ikonli.feather.Feather;

/** The Settings dialog. Saving writes settings and the key in the background, then reconnects. */
public final class SettingsDialog extends Dialog<Settings> {

    public SettingsDialog(
            Window owner,
            SettingsViewModel vm,
            I18n i18n,
            Path defaultArchive,
            boolean keyFromEnvironment,
            Consumer<Settings> applied,
            Runnable openTeam) {
        initOwner(owner);
        setTitle(i18n.get("settings.title"));
        setHeaderText(null);
        Settings s = vm.settingsProperty().get();

        PasswordField key = new PasswordField();
        key.setId("settings-key");
        key.setPromptText(i18n.get("settings.key.prompt"));
        key.textProperty().bindBidirectional(vm.keyProperty());
        key.setAccessibleText(i18n.get("settings.key"));
        Label keyWhere = new Label(
                keyFromEnvironment
                        ? i18n.get("settings.key.env")
                        : describe(vm.destinationProperty().get(), vm.keyFile(), i18n));
        keyWhere.setId("settings-key-where");
        keyWhere.getStyleClass().add("note");
        keyWhere.setWrapText(true);
        TextField base = new TextField(s.apiBase() == null ? "" : s.apiBase());
        base.setId("settings-base");
        base.setPromptText("https://api.chainhub.tech/");
        base.setAccessibleText(i18n.get("settings.base"));
        Button test = new Button(i18n.get("settings.test"));
        Label testResult = new Label();
        testResult.setWrapText(true);
        testResult.textProperty().bind(vm.testResultProperty());
        testResult.setId("settings-test-result");
        // A failed test reads as an error, a passed one as a success.
        vm.testOkProperty()
                .addListener((o, a, b) -> testResult.getStyleClass().setAll("label", b ? "success" : "danger"));
        vm.testResultProperty()
                .addListener((o, a, b) -> testResult
                        .getStyleClass()
                        .setAll(
                                "label",
                                vm.testOkProperty().get()
                                        ? "success"
                                        : b != null && !b.isEmpty() && !b.equals(i18n.get("settings.test.running"))
                                                ? "danger"
                                                : "note"));
        test.setOnAction(e -> vm.test(base.getText().isBlank() ? "https://api.chainhub.tech/" : base.getText()));

        ComboBox<Settings.ProxyMode> proxy = new ComboBox<>();
        proxy.getItems().setAll(Settings.ProxyMode.values());
        proxy.setValue(s.proxyMode());
        proxy.setConverter(converter(m -> i18n.get("settings.proxy." + m.name().toLowerCase(Locale.ROOT))));
        TextField proxyHost = new TextField(s.proxyHost() == null ? "" : s.proxyHost());
        proxyHost.setPromptText(i18n.get("settings.proxy.host"));
        TextField proxyPort = new TextField(s.proxyPort() == 0 ? "" : Integer.toString(s.proxyPort()));
        proxyPort.setPromptText(i18n.get("settings.proxy.port"));
        proxyPort.setPrefColumnCount(6);
        proxyHost.disableProperty().bind(proxy.valueProperty().isNotEqualTo(Settings.ProxyMode.MANUAL));
        proxyPort.disableProperty().bind(proxyHost.disableProperty());

        TextField archive = new TextField((s.archiveFolder() == null ? defaultArchive : s.archiveFolder()).toString());
        archive.setId("settings-archive");
        TextField download = new TextField(
                s.downloadFolder() == null ? "" : s.downloadFolder().toString());
        Spinner<Integer> refresh =
                new Spinner<>(1, 600, (int) s.refreshInterval().toSeconds());
        refresh.setEditable(true);
        refresh.setId("settings-refresh");
        ComboBox<Settings.Theme> theme = new ComboBox<>();
        theme.getItems().setAll(Settings.Theme.values());
        theme.setValue(s.theme());
        theme.setConverter(converter(t -> i18n.get("settings.theme." + t.name().toLowerCase(Locale.ROOT))));
        ComboBox<String> language = new ComboBox<>();
        language.getItems().setAll("", "en", "zh-CN");
        language.setValue(s.locale() == null ? "" : s.locale());
        language.setConverter(converter(
                l -> l.isEmpty() ? i18n.get("settings.language.system") : l.equals("en") ? "English" : "简体中文"));
        CheckBox autoArchive = new CheckBox(i18n.get("settings.autoArchive"));
        autoArchive.setSelected(s.autoArchive());
        CheckBox askFirst = new CheckBox(i18n.get("settings.askBeforeGenerating"));
        askFirst.setSelected(s.askBeforeGenerating());
        askFirst.setId("settings-ask-generate");

        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(8);
        g.setPadding(new Insets(16));
        int row = 0;
        g.addRow(row++, new Label(i18n.get("settings.key")), grow(key), test);
        g.add(keyWhere, 1, row++, 2, 1);
        g.add(testResult, 1, row++, 2, 1);
        g.addRow(row++, new Label(i18n.get("settings.base")), grow(base));
        g.addRow(row++, new Label(i18n.get("settings.proxy")), proxy);
        g.add(new HBox(8, proxyHost, proxyPort), 1, row++);
        g.addRow(row++, new Label(i18n.get("settings.archive")), grow(archive), chooser(i18n, archive));
        g.addRow(row++, new Label(i18n.get("settings.download")), grow(download), chooser(i18n, download));
        g.addRow(
                row++,
                new Label(i18n.get("settings.refresh")),
                new HBox(8, refresh, new Label(i18n.get("settings.refresh.seconds"))));
        g.addRow(row++, new Label(i18n.get("settings.theme")), theme);
        g.addRow(row++, new Label(i18n.get("settings.language")), language);
        Label restart = new Label(i18n.get("settings.restart"));
        restart.getStyleClass().add("note");
        g.add(restart, 1, row++, 2, 1);
        g.add(autoArchive, 1, row++, 2, 1);
        g.add(askFirst, 1, row++, 2, 1);
        Button team = new Button(i18n.get("team.open"), Icons.of(Feather.USERS));
        team.setId("settings-team");
        team.setOnAction(e -> openTeam.run());
        g.addRow(row, new Label(i18n.get("team.title")), team);
        getDialogPane().setContent(g);
        // OK and Cancel in the window's language (JavaFX's own follow the system's), with their usual roles.
        ButtonType ok = new ButtonType(i18n.get("dialog.ok"), ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(i18n.get("dialog.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        getDialogPane().getButtonTypes().setAll(ok, cancel);
        getDialogPane().setPrefWidth(640);
        if (owner != null && owner.getScene() != null) {
            // The app's stylesheet and font (which draws Chinese) in the dialog too.
            getDialogPane().getStylesheets().setAll(owner.getScene().getStylesheets());
            getDialogPane().setStyle(owner.getScene().getRoot().getStyle());
        }
        for (Node n : g.getChildren()) {
            boolean fieldName =
                    n instanceof Label && GridPane.getColumnIndex(n) != null && GridPane.getColumnIndex(n) == 0;
            if (fieldName || n instanceof Button || n instanceof CheckBox) {
                // Field names, buttons and choices never shrink into "…": the text fields give way instead, in any
                // language.
                ((Region) n).setMinWidth(Region.USE_PREF_SIZE);
            }
        }
        setResultConverter(b -> {
            if (b != ok) {
                return null;
            }
            int port;
            try {
                port = Integer.parseInt(proxyPort.getText().strip());
            } catch (NumberFormatException e) {
                port = 0;
            }
            Settings edited = new Settings(
                    base.getText().isBlank() ? null : base.getText().strip(),
                    archive.getText().isBlank()
                                    || Path.of(archive.getText().strip()).equals(defaultArchive)
                            ? null
                            : Path.of(archive.getText().strip()),
                    download.getText().isBlank()
                            ? null
                            : Path.of(download.getText().strip()),
                    autoArchive.isSelected(),
                    Duration.ofSeconds(refresh.getValue()),
                    theme.getValue(),
                    language.getValue().isEmpty() ? null : language.getValue(),
                    proxy.getValue(),
                    proxyHost.getText().isBlank() ? null : proxyHost.getText().strip(),
                    port,
                    askFirst.isSelected());
            vm.save(edited, where -> applied.accept(edited), e -> {
                // The system's reason (a full disk, no permission) in the window's words, with the path.
                Alert failed = new Alert(
                        Alert.AlertType.ERROR, i18n.get("settings.saveFailed", new ErrorWords(i18n).particulars(e)));
                failed.setHeaderText(null);
                failed.initOwner(owner);
                failed.show();
            });
            return edited;
        });
        setOnShown(e -> key.requestFocus());
    }

    /** How Settings describes where a saved key went. */
    public static String describe(ApiKeyStore.Where where, Path file, I18n i18n) {
        return where == ApiKeyStore.Where.KEYCHAIN
                ? i18n.get("settings.key.keychain")
                : i18n.get("settings.key.file", file);
    }

    private static <T> StringConverter<T> converter(Function<T, String> f) {
        return new StringConverter<>() {
            @Override
            public String toString(T t) {
                return t == null ? "" : f.apply(t);
            }

            @Override
            public T fromString(String s) {
                return null;
            }
        };
    }

    private static <T extends Node> T grow(T n) {
        GridPane.setHgrow(n, Priority.ALWAYS);
        return n;
    }

    private Button chooser(I18n i18n, TextField target) {
        Button b = new Button(i18n.get("settings.choose"));
        b.setOnAction(e -> {
            DirectoryChooser dc = new DirectoryChooser();
            if (!target.getText().isBlank()) {
                File f = new File(target.getText());
                if (f.isDirectory()) {
                    dc.setInitialDirectory(f);
                }
            }
            File chosen = dc.showDialog(getDialogPane().getScene().getWindow());
            if (chosen != null) {
                target.setText(chosen.getPath());
            }
        });
        return b;
    }
}

package dev.aigcdesk.ui.generate;

import dev.aigcdesk.domain.DocumentedModels;
import dev.aigcdesk.domain.GenerationRequest;
import dev.aigcdesk.domain.TaskKind;
import dev.aigcdesk.ui.common.I18n;
import dev.aigcdesk.ui.common.Icons;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.kordamp.ikonli.feather.Feather;

/**
 * The "New generation" panel: kind, model and version (the documented ones, or typed), prompt and
 * negative prompt, shape, length and sound for video, reference images by URL, enhance prompt. Starts
 * filled in (the last choices, or the task being generated again); its result is the request.
 */
public final class GenerateDialog extends Dialog<GenerationRequest> {

    /** Service default, on or off: a switch left at the default is not sent. */
    enum Switch {
        DEFAULT,
        ON,
        OFF;

        static Switch of(String wire) {
            return wire == null ? DEFAULT : wire.equalsIgnoreCase("Enabled") ? ON : OFF;
        }

        String wire() {
            return this == DEFAULT ? null : this == ON ? "Enabled" : "Disabled";
        }
    }

    private final I18n i18n;
    private final ToggleButton image;
    private final ToggleButton video;
    private final ComboBox<String> model = editable("generate-model");
    private final ComboBox<String> version = editable("generate-version");
    private final TextArea prompt = area("generate-prompt", 4);
    private final TextArea negative = area("generate-negative", 2);
    private final ComboBox<String> aspect = editable("generate-aspect");
    private final ComboBox<String> resolution = editable("generate-resolution");
    private final ComboBox<String> duration = editable("generate-duration");
    private final TextArea references = area("generate-references", 2);
    private final TextField lastFrame = new TextField();
    private final ChoiceBox<Switch> enhance = new ChoiceBox<>();
    private final ChoiceBox<Switch> audio = new ChoiceBox<>();
    private final Label problem = new Label();

    /**
     * @param start    the values to start from
     * @param again    a line naming the task being generated again, or null for a new generation (then the kind can change)
     */
    public GenerateDialog(Window owner, I18n i18n, GenerationRequest start, String again) {
        this.i18n = i18n;
        initOwner(owner);
        setTitle(i18n.get(again == null ? "generate.title" : "generate.again.title"));
        setHeaderText(null);
        setResizable(true);
        ToggleGroup kind = new ToggleGroup();
        image = new ToggleButton(i18n.get("kind.image"), Icons.of(Feather.IMAGE));
        video = new ToggleButton(i18n.get("kind.video"), Icons.of(Feather.FILM));
        image.setToggleGroup(kind);
        video.setToggleGroup(kind);
        image.getStyleClass().add("left-pill");
        video.getStyleClass().add("right-pill");
        image.setId("generate-kind-image");
        video.setId("generate-kind-video");
        (start.kind() == TaskKind.VIDEO ? video : image).setSelected(true);
        // A toggle group lets the selected button be clicked off; one kind is always chosen.
        kind.selectedToggleProperty().addListener((o, a, b) -> {
            if (b == null) {
                a.setSelected(true);
            } else {
                kindChanged();
            }
        });
        image.setDisable(again != null);
        video.setDisable(again != null);

        for (ChoiceBox<Switch> c : List.of(enhance, audio)) {
            c.getItems().setAll(Switch.values());
            c.setConverter(new StringConverter<>() {
                @Override
                public String toString(Switch s) {
                    return s == null
                            ? ""
                            : i18n.get("generate.switch." + s.name().toLowerCase(Locale.ROOT));
                }

                @Override
                public Switch fromString(String s) {
                    return Switch.DEFAULT;
                }
            });
        }
        enhance.setId("generate-enhance");
        audio.setId("generate-audio");
        lastFrame.setId("generate-last-frame");
        lastFrame.setPromptText("https://…");
        references.setPromptText(i18n.get("generate.references.hint"));
        prompt.setPromptText(i18n.get("generate.prompt.hint"));
        duration.setPromptText(i18n.get("generate.default"));
        aspect.setPromptText(i18n.get("generate.default"));
        resolution.setPromptText(i18n.get("generate.default"));
        model.valueProperty()
                .addListener((o, a, b) -> version.getItems().setAll(DocumentedModels.versions(kind(), text(model))));

        fill(start);

        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(8);
        g.setPadding(new Insets(16));
        ColumnConstraints names = new ColumnConstraints();
        names.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints values = new ColumnConstraints();
        values.setHgrow(Priority.ALWAYS);
        g.getColumnConstraints().setAll(names, values);
        int row = 0;
        if (again != null) {
            Label from = new Label(again, Icons.of(Feather.CORNER_UP_LEFT));
            from.getStyleClass().add("note");
            from.setId("generate-again-from");
            from.setWrapText(true);
            g.add(from, 0, row++, 2, 1);
        }
        g.addRow(row++, name("generate.kind"), new HBox(0, image, video));
        g.addRow(row++, name("generate.model"), line(grow(model), new Label(i18n.get("generate.version")), version));
        g.addRow(row++, top(name("generate.prompt")), prompt);
        g.addRow(row++, top(name("generate.negative")), negative);
        g.addRow(row++, name("generate.shape"), line(aspect, new Label(i18n.get("generate.resolution")), resolution));
        Label durationName = name("generate.duration");
        Label sound = new Label(i18n.get("generate.audio"));
        sound.setPadding(new Insets(0, 0, 0, 16));
        HBox durationRow = line(duration, new Label(i18n.get("generate.seconds")), sound, audio);
        g.addRow(row++, durationName, durationRow);
        g.addRow(row++, top(name("generate.references")), references);
        Label lastFrameName = name("generate.lastFrame");
        g.addRow(row++, lastFrameName, lastFrame);
        g.addRow(row++, name("generate.enhance"), enhance);
        Label paid = new Label(i18n.get("generate.paid"), Icons.of(Feather.CREDIT_CARD));
        paid.getStyleClass().add("note");
        paid.setWrapText(true);
        g.add(paid, 0, row++, 2, 1);
        problem.getStyleClass().add("error-text");
        problem.setId("generate-problem");
        problem.setWrapText(true);
        g.add(problem, 0, row, 2, 1);
        for (Node n : List.of(durationName, durationRow, lastFrameName, lastFrame)) {
            n.visibleProperty().bind(video.selectedProperty());
            n.managedProperty().bind(video.selectedProperty());
        }
        getDialogPane().setContent(g);
        getDialogPane().setPrefWidth(640);

        ButtonType go = new ButtonType(
                i18n.get(again == null ? "generate.go" : "generate.again.go"), ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(i18n.get("dialog.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        getDialogPane().getButtonTypes().setAll(go, cancel);
        Button goButton = (Button) getDialogPane().lookupButton(go);
        goButton.setId("generate-go");
        goButton.setDefaultButton(true);
        BooleanBinding incomplete = Bindings.createBooleanBinding(
                () -> problem() != null,
                model.valueProperty(),
                model.getEditor().textProperty(),
                version.valueProperty(),
                version.getEditor().textProperty(),
                prompt.textProperty(),
                references.textProperty(),
                lastFrame.textProperty(),
                duration.getEditor().textProperty(),
                video.selectedProperty());
        goButton.disableProperty().bind(incomplete);
        problem.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> {
                            String p = problem();
                            return p == null ? "" : p;
                        },
                        incomplete));
        // Ctrl+Enter starts it from anywhere, the prompt included (where Enter is a new line).
        getDialogPane().addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN).match(e)
                    && !goButton.isDisabled()) {
                goButton.fire();
                e.consume();
            }
        });
        if (owner != null && owner.getScene() != null) {
            getDialogPane().getStylesheets().setAll(owner.getScene().getStylesheets());
            getDialogPane().setStyle(owner.getScene().getRoot().getStyle());
        }
        setOnShown(e -> prompt.requestFocus());
        setResultConverter(b -> b == go ? request() : null);
    }

    /** The request as the panel stands (also for tests). */
    public GenerationRequest request() {
        TaskKind k = kind();
        Double seconds;
        try {
            seconds = text(duration) == null ? null : Double.valueOf(text(duration));
        } catch (NumberFormatException e) {
            seconds = null;
        }
        List<String> urls = Arrays.stream(
                        references.getText() == null
                                ? new String[0]
                                : references.getText().split("\\R"))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
        return new GenerationRequest(
                k,
                text(model),
                text(version),
                prompt.getText(),
                negative.getText(),
                enhance.getValue().wire(),
                text(aspect),
                text(resolution),
                k == TaskKind.VIDEO ? seconds : null,
                k == TaskKind.VIDEO ? audio.getValue().wire() : null,
                null,
                null,
                urls,
                k == TaskKind.VIDEO ? lastFrame.getText() : null);
    }

    private String problem() {
        GenerationRequest r = request();
        if (!r.missing().isEmpty()) {
            return i18n.get(
                    "generate.missing",
                    String.join(
                            ", ",
                            r.missing().stream()
                                    .map(m -> i18n.get("generate.missing." + m.replace(' ', '-')))
                                    .toList()));
        }
        for (String url : r.referenceUrls()) {
            if (!isWebUrl(url)) {
                return i18n.get("generate.badUrl", url);
            }
        }
        if (r.lastFrameUrl() != null && !isWebUrl(r.lastFrameUrl())) {
            return i18n.get("generate.badUrl", r.lastFrameUrl());
        }
        if (kind() == TaskKind.VIDEO && text(duration) != null && r.durationSeconds() == null) {
            return i18n.get("generate.badDuration", text(duration));
        }
        return null;
    }

    private static boolean isWebUrl(String s) {
        try {
            URI u = new URI(s);
            return ("https".equalsIgnoreCase(u.getScheme()) || "http".equalsIgnoreCase(u.getScheme()))
                    && u.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private void fill(GenerationRequest s) {
        choices(s.kind());
        model.setValue(s.modelName());
        version.getItems().setAll(DocumentedModels.versions(s.kind(), s.modelName()));
        version.setValue(s.modelVersion());
        prompt.setText(s.prompt() == null ? "" : s.prompt());
        negative.setText(s.negativePrompt() == null ? "" : s.negativePrompt());
        aspect.setValue(s.aspectRatio());
        resolution.setValue(s.resolution());
        duration.setValue(s.durationSeconds() == null ? null : trim(s.durationSeconds()));
        references.setText(String.join("\n", s.referenceUrls()));
        lastFrame.setText(s.lastFrameUrl() == null ? "" : s.lastFrameUrl());
        enhance.setValue(Switch.of(s.enhancePrompt()));
        audio.setValue(Switch.of(s.audioGeneration()));
    }

    private void kindChanged() {
        TaskKind k = kind();
        choices(k);
        if (text(model) != null && !DocumentedModels.models(k).contains(text(model))) {
            model.setValue(DocumentedModels.models(k).get(0));
        }
        if (text(resolution) != null && !DocumentedModels.resolutions(k).contains(text(resolution))) {
            resolution.setValue(null);
        }
    }

    private void choices(TaskKind k) {
        model.getItems().setAll(DocumentedModels.models(k));
        aspect.getItems().setAll(DocumentedModels.aspectRatios(k));
        resolution.getItems().setAll(DocumentedModels.resolutions(k));
        duration.getItems().setAll("5", "6", "8", "10");
    }

    private TaskKind kind() {
        return video.isSelected() ? TaskKind.VIDEO : TaskKind.IMAGE;
    }

    /** An editable combo's text, typed or picked (its value follows the typing: see {@link #editable}). */
    private static String text(ComboBox<String> c) {
        String v = c.getValue();
        return v == null || v.isBlank() ? null : v.strip();
    }

    private static String trim(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }

    private Label name(String key) {
        Label l = new Label(i18n.get(key));
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    private static HBox line(Node... nodes) {
        HBox h = new HBox(8, nodes);
        h.setAlignment(Pos.CENTER_LEFT);
        return h;
    }

    /** A field name beside a text area: level with its first line. */
    private static Label top(Label l) {
        GridPane.setValignment(l, VPos.TOP);
        l.setPadding(new Insets(8, 0, 0, 0));
        return l;
    }

    private static ComboBox<String> editable(String id) {
        ComboBox<String> c = new ComboBox<>();
        c.setEditable(true);
        c.setId(id);
        c.setPrefWidth(140);
        // A typed value counts as soon as it is typed, not only when focus leaves.
        c.getEditor().textProperty().addListener((o, a, b) -> {
            if (c.getEditor().isFocused()) {
                c.setValue(b == null || b.isBlank() ? null : b);
            }
        });
        return c;
    }

    private static TextArea area(String id, int rows) {
        TextArea a = new TextArea();
        a.setId(id);
        a.setWrapText(true);
        a.setPrefRowCount(rows);
        return a;
    }

    private static Node grow(ComboBox<String> c) {
        HBox.setHgrow(c, Priority.ALWAYS);
        c.setMaxWidth(Double.MAX_VALUE);
        return c;
    }
}

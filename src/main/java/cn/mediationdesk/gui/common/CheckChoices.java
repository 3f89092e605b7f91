package cn.mediationdesk.gui.common;

import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.control.Tooltip;
import javafx.scene.text.Text;
import javafx.util.StringConverter;
import org.controlsfx.control.CheckComboBox;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A drop-down of check boxes (ControlsFX {@link CheckComboBox}) for a filter that takes several
 * values at once, kept in step with the view model's list of what is checked. Nothing checked
 * means any value, and the box then says so.
 */
public final class CheckChoices {
    /** The box's padding and arrow beside its text. */
    private static final double ARROW_ROOM = 48;
    /** The theme's font is a little larger than the default a bare {@link Text} is measured in. */
    private static final double TEXT_SCALE = 1.15;

    private CheckChoices() {
    }

    /** Room for {@code text} in the box beside its arrow, so that "All communities" is never cut. */
    public static double widthFor(String text) {
        return Math.ceil(new Text(text).getLayoutBounds().getWidth() * TEXT_SCALE) + ARROW_ROOM;
    }

    /**
     * @param options what can be checked (the view model's list)
     * @param chosen  what is checked (the view model's list): both ways
     * @param label   how an option reads
     * @param anyText what the box says while nothing is checked, e.g. "全部社区"
     */
    public static <T> CheckComboBox<T> of(String id, ObservableList<T> options, ObservableList<T> chosen,
                                          Function<T, String> label, String anyText) {
        CheckComboBox<T> box = new CheckComboBox<>(options);
        box.setId(id);
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(T option) {
                return option == null ? "" : label.apply(option);
            }

            @Override
            public T fromString(String text) {
                throw new UnsupportedOperationException("a check box list is not typed into");
            }
        });
        boolean[] syncing = {false};
        Runnable fromModel = () -> {
            syncing[0] = true;
            try {
                box.getCheckModel().clearChecks();
                chosen.stream().filter(options::contains).forEach(box.getCheckModel()::check);
            } finally {
                syncing[0] = false;
            }
        };
        fromModel.run();
        chosen.addListener((ListChangeListener<T>) c -> {
            if (!syncing[0]) {
                fromModel.run();
            }
        });
        // the options are loaded anew after a change elsewhere: check again what is still chosen
        options.addListener((ListChangeListener<T>) c -> {
            if (!syncing[0]) {
                fromModel.run();
            }
        });
        box.getCheckModel().getCheckedItems().addListener((ListChangeListener<T>) c -> {
            if (!syncing[0]) {
                syncing[0] = true;
                try {
                    chosen.setAll(List.copyOf(box.getCheckModel().getCheckedItems()));
                } finally {
                    syncing[0] = false;
                }
            }
        });
        box.titleProperty().bind(Bindings.createStringBinding(() -> chosen.isEmpty() ? anyText
                : chosen.stream().map(label).collect(Collectors.joining("、")), chosen));
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(box.titleProperty());
        box.setTooltip(tip);
        return box;
    }
}

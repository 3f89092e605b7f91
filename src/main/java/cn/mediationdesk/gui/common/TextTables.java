package cn.mediationdesk.gui.common;

import atlantafx.base.theme.Styles;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ObservableList;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

import java.util.List;
import java.util.function.Function;

/** The read-only tables of text the screens show: striped, dense, a muted line when empty. */
public final class TextTables {
    /** A header and three rows: a table squeezed below that shows nothing useful, so the screen scrolls instead. */
    static final double MIN_HEIGHT = 120;

    private TextTables() {
    }

    /** A compact table whose last column takes the room left over. */
    public static <T> TableView<T> dense(ObservableList<T> items, String id, String emptyText,
                                         List<TableColumn<T, String>> columns) {
        TableView<T> table = new TableView<>(items);
        table.setId(id);
        table.getStyleClass().addAll(Styles.STRIPED, Styles.DENSE);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().setAll(columns);
        Label empty = new Label(emptyText);
        empty.getStyleClass().add(Styles.TEXT_MUTED);
        table.setPlaceholder(empty);
        table.setMinHeight(MIN_HEIGHT);
        return table;
    }

    /** A column of text taken from each row. */
    public static <T> TableColumn<T, String> column(String title, Function<T, String> value, double width) {
        TableColumn<T, String> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        column.setPrefWidth(width);
        return column;
    }
}

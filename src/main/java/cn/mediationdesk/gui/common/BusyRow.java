package cn.mediationdesk.gui.common;

import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.HBox;

/** A small spinner and what is being done, shown only while long work runs (and taking no room otherwise). */
public final class BusyRow extends HBox {

    public BusyRow(ObservableStringValue text, ObservableBooleanValue busy) {
        super(8);
        ProgressIndicator progress = new ProgressIndicator();
        progress.setPrefSize(20, 20);
        Label label = new Label();
        label.textProperty().bind(text);
        getChildren().addAll(progress, label);
        setAlignment(Pos.CENTER_LEFT);
        visibleProperty().bind(busy);
        managedProperty().bind(visibleProperty());
    }
}

package cn.mediationdesk.gui.dashboard;

import atlantafx.base.theme.Styles;
import cn.mediationdesk.gui.common.TextTables;
import cn.mediationdesk.gui.dashboard.ReportingViewModel.Line;
import cn.mediationdesk.logic.l10n.Localization;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;

import java.util.List;

/** The governance office's reporting panel on the dashboard. Controls and bindings only. */
public final class ReportingPanel extends VBox {

    public ReportingPanel(ReportingViewModel viewModel, Localization l10n) {
        setId("dashboard-reporting");
        getStyleClass().add("dashboard-panel");
        setSpacing(8);
        setPadding(new Insets(12, 14, 12, 14));
        FontIcon icon = new FontIcon(MaterialDesignP.PACKAGE_VARIANT_CLOSED);
        icon.setIconSize(18);
        Label title = new Label(l10n.text("gui.reporting.title"), icon);
        title.getStyleClass().add(Styles.TITLE_4);
        Label silent = new Label();
        silent.setId("dashboard-reporting-silent");
        silent.getStyleClass().add(Styles.WARNING);
        silent.setWrapText(true);
        silent.setMinHeight(Region.USE_PREF_SIZE);
        silent.textProperty().bind(viewModel.silentProperty());

        TableView<Line> table = new TableView<>(viewModel.lines());
        table.getStyleClass().addAll(Styles.STRIPED, Styles.DENSE);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().setAll(List.of(
                TextTables.column(l10n.text("gui.reporting.column.committee"), Line::committee, 240),
                TextTables.column(l10n.text("gui.reporting.column.lastPackage"), Line::lastPackage, 160),
                TextTables.column(l10n.text("gui.reporting.column.coversTo"), Line::coversTo, 120)));
        table.setPrefHeight(180);
        // the dashboard scrolls instead: a squeezed table would show its header and half a row
        table.setMinHeight(Region.USE_PREF_SIZE);
        getChildren().addAll(title, silent, table);
        visibleProperty().bind(viewModel.shownProperty());
        managedProperty().bind(visibleProperty());
    }

}

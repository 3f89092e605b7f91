package cn.mediationdesk.gui.agenda;

import atlantafx.base.theme.Styles;
import cn.mediationdesk.gui.agenda.AgendaViewModel.Row;
import cn.mediationdesk.logic.l10n.Localization;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;

/** The dashboard's compact agenda: the coming week and what is late, each item opening its lead. Controls only. */
public final class AgendaPanel extends VBox {

    /** @param showAll goes to the agenda screen */
    public AgendaPanel(AgendaViewModel viewModel, Localization l10n, Runnable showAll) {
        setId("dashboard-agenda");
        getStyleClass().add("dashboard-panel");
        setSpacing(8);
        setPadding(new Insets(12, 14, 12, 14));
        FontIcon icon = new FontIcon(MaterialDesignC.CALENDAR_CLOCK);
        icon.setIconSize(18);
        Label title = new Label(l10n.text("gui.agenda.panel.title"), icon);
        title.getStyleClass().add(Styles.TITLE_4);
        title.setMinWidth(Region.USE_PREF_SIZE);
        Label status = new Label();
        status.setId("dashboard-agenda-status");
        status.textProperty().bind(viewModel.statusProperty());
        status.getStyleClass().add(Styles.TEXT_MUTED);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        Hyperlink all = new Hyperlink(l10n.text("gui.agenda.panel.all"), new FontIcon(MaterialDesignA.ARROW_RIGHT));
        all.setId("dashboard-agenda-all");
        all.setMinWidth(Region.USE_PREF_SIZE);
        all.setOnAction(e -> showAll.run());
        HBox top = new HBox(10, title, status, gap, all);
        top.setAlignment(Pos.CENTER_LEFT);

        TableView<Row> table = AgendaView.table(viewModel, l10n, "dashboard-agenda-table", false);
        table.setPrefHeight(190);
        // the dashboard scrolls instead: a squeezed table would show its header and half a row
        table.setMinHeight(Region.USE_PREF_SIZE);
        getChildren().addAll(top, table);
    }
}

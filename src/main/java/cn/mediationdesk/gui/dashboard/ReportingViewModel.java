package cn.mediationdesk.gui.dashboard;

import cn.mediationdesk.gui.common.TaskExecutor;
import cn.mediationdesk.logic.exchange.PackageService;
import cn.mediationdesk.logic.exchange.PackageService.CommitteeReporting;
import cn.mediationdesk.logic.exchange.PackageService.ReportingStatus;
import cn.mediationdesk.logic.l10n.Localization;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.stream.Collectors;

/**
 * The dashboard's reporting panel for the governance office: per committee its last package and the
 * day it covers, and the committees that have sent nothing for this month. Shown only once this
 * office has received a package, so that an office working alone never sees it.
 */
public final class ReportingViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(ReportingViewModel.class);
    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** One committee as the panel lists it. */
    public record Line(String committee, String lastPackage, String coversTo, boolean reported) {
    }

    private final PackageService packages;
    private final Localization l10n;
    private final Clock clock;
    private final TaskExecutor executor;

    private final ReadOnlyBooleanWrapper shown = new ReadOnlyBooleanWrapper(false);
    private final ObservableList<Line> lines = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper silent = new ReadOnlyStringWrapper("");

    public ReportingViewModel(PackageService packages, Localization l10n, Clock clock, TaskExecutor executor) {
        this.packages = packages;
        this.l10n = l10n;
        this.clock = clock;
        this.executor = executor;
    }

    /** Reads the reporting status (no personal data: every role may see it). */
    public void load() {
        executor.execute(packages::status, this::show, failure -> {
            // the panel is a side view: the dashboard's own figures stay, the panel stays hidden
            LOG.warn("the reporting status could not be read", failure);
            shown.set(false);
        });
    }

    private void show(ReportingStatus status) {
        lines.setAll(status.committees().stream().map(this::line).toList());
        String month = status.month().toString();
        silent.set(status.silent().isEmpty() ? l10n.text("gui.reporting.allReported", month)
                : l10n.text("gui.reporting.silent", month, status.silent().stream().map(CommitteeReporting::name)
                        .collect(Collectors.joining("、"))));
        shown.set(status.packagesInUse());
    }

    private Line line(CommitteeReporting row) {
        return new Line(row.name(), row.lastReceivedAt() == null ? l10n.text("gui.reporting.never")
                : MOMENT.format(row.lastReceivedAt().atZone(clock.getZone())),
                row.coversTo() == null ? "" : row.coversTo().toString(), row.reportedThisMonth());
    }

    /** Whether the panel is shown: once this office has received any package. */
    public ReadOnlyBooleanProperty shownProperty() {
        return shown.getReadOnlyProperty();
    }

    public ObservableList<Line> lines() {
        return lines;
    }

    /** "本月（2024-07）尚未报送：…", or that every committee has. */
    public ReadOnlyStringProperty silentProperty() {
        return silent.getReadOnlyProperty();
    }
}

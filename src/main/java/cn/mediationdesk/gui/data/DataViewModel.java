package cn.mediationdesk.gui.data;

import cn.mediationdesk.gui.common.OpenedDatabase;
import cn.mediationdesk.logic.l10n.Localization;

/**
 * The Data screen (数据): where the database is, the ledger import wizard, and (for administrators)
 * the backups.
 */
public final class DataViewModel {
    private final OpenedDatabase database;
    private final Localization l10n;
    private final ImportWizardViewModel importWizard;
    private final BackupViewModel backups;
    private final PackageViewModel packages;
    private final SharingViewModel sharing;

    /** @param backups the backup part, or {@code null} when the screen has none (tests of the wizard) */
    public DataViewModel(OpenedDatabase database, Localization l10n, ImportWizardViewModel importWizard,
                         BackupViewModel backups) {
        this(database, l10n, importWizard, backups, null, null);
    }

    /**
     * @param packages the exchange-package part, or {@code null} when the screen has none
     * @param sharing  the sharing part, or {@code null} when the screen has none
     */
    public DataViewModel(OpenedDatabase database, Localization l10n, ImportWizardViewModel importWizard,
                         BackupViewModel backups, PackageViewModel packages, SharingViewModel sharing) {
        this.database = database;
        this.l10n = l10n;
        this.importWizard = importWizard;
        this.backups = backups;
        this.packages = packages;
        this.sharing = sharing;
    }

    /** Whether the screen offers to share the database on the LAN: administrators, for a file on this PC. */
    public boolean offersSharing() {
        return sharing != null && sharing.offered();
    }

    public SharingViewModel sharing() {
        return sharing;
    }

    /** The database's path or address, whole (the view may shorten it, but copies it whole). */
    public String location() {
        return database.location();
    }

    public String jurisdictionText() {
        return l10n.text("gui.data.location.jurisdiction", database.jurisdictionName());
    }

    /** Whether the database is a file on this computer (else a server on the network). */
    public boolean embedded() {
        return !database.location().startsWith("jdbc:");
    }

    public String locationExplanation() {
        return embedded() ? l10n.text("gui.data.location.embedded") : l10n.text("gui.data.location.server");
    }

    public ImportWizardViewModel importWizard() {
        return importWizard;
    }

    /** Whether the screen shows the backups: to administrators. */
    public boolean offersBackups() {
        return backups != null && backups.offered();
    }

    public BackupViewModel backups() {
        return backups;
    }

    /** Whether the screen shows the exchange packages (数据包). */
    public boolean offersPackages() {
        return packages != null;
    }

    public PackageViewModel packages() {
        return packages;
    }
}

package cn.mediationdesk.cli;

import cn.mediationdesk.Launcher;
import cn.mediationdesk.logic.l10n.Localization;
import picocli.CommandLine.IVersionProvider;

/** The version the jar's manifest carries ({@code Implementation-Version}), or {@code dev} when run from classes. */
final class VersionProvider implements IVersionProvider {
    private final Localization l10n;

    VersionProvider(Localization l10n) {
        this.l10n = l10n;
    }

    static String version() {
        String version = Launcher.class.getPackage().getImplementationVersion();
        return version == null || version.isBlank() ? "dev" : version;
    }

    @Override
    public String[] getVersion() {
        return new String[] {l10n.text("cli.version", version())};
    }
}

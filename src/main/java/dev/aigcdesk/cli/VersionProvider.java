package dev.aigcdesk.cli;

import dev.aigcdesk.config.AppInfo;
import picocli.CommandLine;

final class VersionProvider implements CommandLine.IVersionProvider {

    @Override
    public String[] getVersion() {
        AppInfo info = AppInfo.load();
        return new String[] {info.name() + " " + info.version()};
    }
}

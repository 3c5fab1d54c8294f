package org.scoredos.cli;

import picocli.CommandLine;

/** The code version, as stores and campaign manifests record it. */
final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {"scoredos " + org.scoredos.ScoreDosVersion.get()};
    }
}

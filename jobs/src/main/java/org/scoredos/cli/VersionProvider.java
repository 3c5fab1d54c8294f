package org.scoredos.cli;

import picocli.CommandLine;

/** The version from the jar manifest (or "development" when run from classes). */
final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = ScoreDos.class.getPackage().getImplementationVersion();
        return new String[] {"scoredos " + (v == null ? "development" : v)};
    }
}

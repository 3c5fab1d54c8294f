package org.scoredos.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.scoredos.thermo.TiSettings;
import picocli.CommandLine;

/** verify and pressure take their MD settings from one mixin: same options, same defaults, the defaults TiSettings declares. */
class LangevinOptionsTest {

    /** The command as `scoredos NAME ARGS…` parses it, not run. */
    private static <T> T parsed(String name, String... args) {
        CommandLine root = ScoreDos.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
        String[] all = new String[args.length + 1];
        all[0] = name;
        System.arraycopy(args, 0, all, 1, args.length);
        root.parseArgs(all);
        return root.getSubcommands().get(name).getCommand();
    }

    @Test
    void unsetOptionsGiveTiSettingsDefaults() {
        PressureCommand pressure = parsed("pressure", "--structure", "x.dat", "--model", "m.snap", "--temperatures", "300");
        TiSettings d = TiSettings.defaults();
        assertEquals(new TiSettings(d.timestep(), d.friction(), d.equilibrationSteps(), d.productionSteps(), d.stride(), d.blocks(), 1),
                pressure.md.settings(pressure.friction, 1));
        assertEquals(1, pressure.md.seed);

        VerifyCommand verify = parsed("verify", "--summaries", "s", "--temperatures", "300");
        assertEquals(d, verify.md.settings(d.friction(), verify.nodes));
        assertEquals(1, verify.md.seed);
    }

    @Test
    void givenOptionsReachTheSettings() {
        VerifyCommand verify = parsed("verify", "--summaries", "s", "--temperatures", "300", "--steps", "40", "--equilibration", "20",
                "--stride", "2", "--blocks", "4", "--timestep", "0.004", "--seed", "7", "--nodes", "2");
        assertEquals(new TiSettings(0.004, 5.0, 20, 40, 2, 4, 2), verify.md.settings(5.0, verify.nodes));
        assertEquals(7, verify.md.seed);
    }

    @Test
    void helpShowsTheSameDefaultsInBoth() {
        TiSettings d = TiSettings.defaults();
        for (Object command : new Object[] {new PressureCommand(), new VerifyCommand()}) {
            String help = new CommandLine(command).getUsageMessage(CommandLine.Help.Ansi.OFF).replaceAll("\\s+", " ");
            for (String line : new String[] {
                "production MD steps per trajectory (default: " + d.productionSteps() + ")",
                "equilibration MD steps per trajectory (default: " + d.equilibrationSteps() + ")",
                "Langevin time step, ps (default: " + d.timestep() + ")",
                "MD steps between recorded samples (default: " + d.stride() + ")",
                "blocks for the error bar (default: " + d.blocks() + ")",
                "seed of the trajectories (default: 1)"}) {
                assertTrue(help.contains(line), line + " in " + help);
            }
        }
    }
}

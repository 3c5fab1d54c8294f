package org.scoredos.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.scoredos.cli.CommandRun.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scoredos.cli.result.CsvRead;
import org.scoredos.units.Units;

class HarmonicCommandTest {
    private static final String W_BCC = "../conf/structures/W-bcc.dat";
    private static final String COEFF = "../conf/potentials/w-snap/X_W.snapcoeff";
    private static final String PARAMS = "../conf/potentials/w-snap/D.snapparam";

    @TempDir
    Path dir;

    @Test
    void tungstenSnapHarmonicFreeEnergyAsJson() throws IOException {
        CommandRun r = run("harmonic", "--structure", W_BCC, "--coeff", COEFF, "--params", PARAMS, "--mass", "183.84",
                "--temperatures", "500,1000,2000", "--format", "json", "--cache", dir.toString());
        assertEquals(0, r.code(), r.err());
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertEquals(3, json.get("zeroModes").asInt());
        double omegaBar = json.get("omegaBar").asDouble();
        assertTrue(omegaBar > 10 && omegaBar < 30, "ω̄ " + omegaBar);
        JsonNode results = json.get("results");
        assertEquals(3, results.size());
        assertEquals(1000.0, results.get(1).get("temperature").asDouble());
        // 3N convention: F/T is linear in ln T with slope −3 k_B (3 modes per atom): F(2T)/2T − F(T)/T = −3 k_B ln 2
        double f1 = results.get(1).get("freeEnergy").asDouble(), f2 = results.get(2).get("freeEnergy").asDouble();
        assertEquals(-3 * Units.KB * Math.log(2), f2 / 2000 - f1 / 1000, 1e-12);
        assertEquals("3N", json.get("convention").get("modes").asText());
        assertTrue(f1 < 0 && f2 < f1);
        assertTrue(r.err().contains("3 displaced coordinates"), r.err());

        // the second run finds the Hessian in the cache and gives the same numbers
        CommandRun again = run("harmonic", "--structure", W_BCC, "--coeff", COEFF, "--params", PARAMS, "--mass", "183.84",
                "--temperatures", "500,1000,2000", "--format", "json", "--cache", dir.toString());
        assertEquals(r.out(), again.out());
        assertFalse(again.err().contains("central differences"), again.err());
    }

    @Test
    void massesPerTypeScaleTheFrequencies() throws IOException {
        String[] common = {"harmonic", "--structure", W_BCC, "--coeff", COEFF, "--params", PARAMS, "--temperatures", "1000",
                "--format", "json", "--cache", dir.toString()};
        CommandRun one = run(with(common, "--mass", "183.84"));
        CommandRun doubled = run(with(common, "--mass", "1=367.68"));
        assertEquals(0, doubled.code(), doubled.err());
        double f1 = new ObjectMapper().readTree(one.out()).get("results").get(0).get("freeEnergy").asDouble();
        double f2 = new ObjectMapper().readTree(doubled.out()).get("results").get(0).get("freeEnergy").asDouble();
        // every Ω_l scales by 2^{-1/2}: F shifts by −3/2 k_B T ln 2 per atom (3N convention)
        assertEquals(-1.5 * Units.KB * 1000 * Math.log(2), f2 - f1, 1e-12);
        CommandRun bad = run(with(common, "--mass", "2=9.0122"));
        assertEquals(ExitCodes.BAD_INPUT, bad.code(), bad.err());
        assertTrue(bad.err().contains("the structure has types 1 to 1"), bad.err());
    }

    private static String[] with(String[] a, String... more) {
        String[] all = java.util.Arrays.copyOf(a, a.length + more.length);
        System.arraycopy(more, 0, all, a.length, more.length);
        return all;
    }

    @Test
    void textAndCsv() {
        CommandRun text = run("harmonic", "--structure", W_BCC, "--coeff", COEFF, "--params", PARAMS, "--mass", "183.84",
                "--temperatures", "300:900:3", "--strain", "0.005");
        assertEquals(0, text.code(), text.err());
        assertTrue(text.out().startsWith("# convention: F per atom relative to the model's lattice energy"), text.out());
        assertTrue(text.out().lines().skip(1).findFirst().orElseThrow()
                .startsWith("# 128 atoms, mass 183.84 amu, strain 0.005, dense Hessian: 3 zero modes, 381 stable"), text.out());
        assertEquals(6, text.out().lines().count());
        CommandRun csv = run("harmonic", "--structure", W_BCC, "--coeff", COEFF, "--params", PARAMS, "--mass", "183.84",
                "--temperatures", "300", "--format", "csv", "--strain", "0.005");
        assertEquals(0, csv.code(), csv.err());
        String[] lines = csv.out().split("\n");
        assertTrue(lines[0].startsWith("# convention: ") && lines[0].contains("3N modes"), lines[0]);
        CsvRead read = CsvRead.of(csv.out());
        assertEquals(List.of("temperature", "freeEnergy", "error"), read.tables.get("results").names);
        assertEquals(List.of("K", "eV/atom", "eV/atom"), read.tables.get("results").units);
        assertEquals("3", read.metadata.get("zeroModes"));
        double f = read.tables.get("results").number(0, "freeEnergy");
        String fromText = text.out().lines().skip(3).findFirst().orElseThrow().trim().split("\\s+")[1];
        assertEquals(Double.parseDouble(fromText), f, 1e-12);
    }

    @Test
    void sparseHessianGivesTheDenseFreeEnergy() throws IOException {
        String[] common = {"harmonic", "--structure", W_BCC, "--coeff", COEFF, "--params", PARAMS, "--mass", "183.84",
                "--temperatures", "300,1500", "--format", "json"};
        CommandRun dense = run(common);
        CommandRun sparse = run(concat(common, "--hessian", "sparse", "--cache", dir.toString()));
        assertEquals(0, sparse.code(), sparse.err());
        JsonNode d = new ObjectMapper().readTree(dense.out()), s = new ObjectMapper().readTree(sparse.out());
        assertEquals("dense", d.get("hessian").asText());
        assertEquals("sparse", s.get("hessian").asText());
        assertEquals(d.get("omegaBar").asDouble(), s.get("omegaBar").asDouble(), 1e-9);
        for (int k = 0; k < 2; k++) {
            assertEquals(d.get("results").get(k).get("freeEnergy").asDouble(), s.get("results").get(k).get("freeEnergy").asDouble(), 1e-8);
        }
        assertTrue(sparse.err().contains("sparse Hessian of 128 atoms"), sparse.err());
        assertEquals(2, run(concat(common, "--hessian", "banded")).code());
    }

    private static String[] concat(String[] a, String... b) {
        String[] c = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    @Test
    void badInputExitsTwoWithOneLine() throws IOException {
        CommandRun noMass = run("harmonic", "--structure", W_BCC, "--coeff", COEFF, "--params", PARAMS, "--temperatures", "300");
        assertEquals(2, noMass.code());
        assertTrue(noMass.err().contains("give --mass"), noMass.err());
        assertEquals(1, noMass.err().lines().count(), noMass.err());

        CommandRun badT = run("harmonic", "--structure", W_BCC, "--coeff", COEFF, "--params", PARAMS, "--temperatures", "-3");
        assertEquals(2, badT.code());

        CommandRun neither = run("harmonic", "--structure", W_BCC, "--temperatures", "300", "--mass", "183.84");
        assertEquals(2, neither.code());

        Path dynmat = dir.resolve("dynmat.dyn");
        Files.writeString(dynmat, "1.0 0.0 0.0\n0.0 1.0 0.0\n");
        CommandRun ignored = run("harmonic", "--structure", W_BCC, "--dynmat", dynmat.toString(), "--mass", "183.84", "--temperatures", "300",
                "--cache", dir.toString());
        assertEquals(2, ignored.code());
        assertTrue(ignored.err().contains("not to --dynmat"), ignored.err());
        CommandRun wrongSize = run("harmonic", "--structure", W_BCC, "--dynmat", dynmat.toString(), "--mass", "183.84", "--temperatures", "300");
        assertEquals(2, wrongSize.code());
        assertTrue(wrongSize.err().contains("holds 6 values, but a dynamical matrix of the 128-atom structure has 9N² = 147456"), wrongSize.err());
    }

    @Test
    void anUnstableDynamicalMatrixIsRefusedNamingHowManyModes() throws IOException {
        // two atoms: D = −k (1 − translations): three modes at −k, three zero modes
        Path data = dir.resolve("pair.data");
        Files.writeString(data, """
                two atoms

                2 atoms
                1 atom types

                0 3 xlo xhi
                0 3 ylo yhi
                0 3 zlo zhi

                Masses

                1 50.0

                Atoms # atomic

                1 1 0 0 0
                2 1 1.5 1.5 1.5
                """);
        Path dynmat = dir.resolve("dynmat.dyn");
        Files.writeString(dynmat, pairMatrix(-0.2));
        CommandRun r = run("harmonic", "--structure", data.toString(), "--dynmat", dynmat.toString(), "--temperatures", "300");
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("scoredos harmonic: unstable reference: 3 Hessian eigenvalues below"), r.err());

        // with +k it is a stable pair: F = 3 k_B T ⟨ln(ħ Ω_l/k_B T)⟩ over its three stable modes (3N convention;
        // with the centre of mass fixed, (k_B T/N) Σ_l, it would be half that)
        Files.writeString(dynmat, pairMatrix(0.2));
        CommandRun ok = run("harmonic", "--structure", data.toString(), "--dynmat", dynmat.toString(), "--temperatures", "300", "--format", "csv");
        assertEquals(0, ok.code(), ok.err());
        double kT = Units.KB * 300;
        // D eigenvalue 0.2 eV/(Å² amu) → Ω = sqrt(0.2 c) rad/ps for every stable mode
        double expected = 3 * kT * Math.log(Units.HBAR * Math.sqrt(0.2 * Units.EV_PER_AMU_A2_IN_PS2) / kT);
        assertEquals(expected, CsvRead.of(ok.out()).tables.get("results").number(0, "freeEnergy"), 1e-10);
    }

    /** LAMMPS layout of D = k (1 − T Tᵀ) for two atoms, eV/(Å² amu). */
    private static String pairMatrix(double k) {
        StringBuilder sb = new StringBuilder();
        for (int a = 0; a < 6; a++) {
            for (int b = 0; b < 6; b++) {
                double p = (a == b ? 1 : 0) - (a % 3 == b % 3 ? 0.5 : 0);
                sb.append(String.format(Locale.ROOT, "%4.8f", k * p)).append(b % 3 == 2 ? "\n" : " ");
            }
        }
        return sb.toString();
    }
}

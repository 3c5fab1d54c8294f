package org.scoredos.campaign;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scoredos.descriptor.SnapCoefficientReader;
import org.scoredos.descriptor.SnapParameterReader;
import org.scoredos.descriptor.SnapParameters;
import org.scoredos.io.BadInputException;
import org.scoredos.potential.FireRelaxation;
import org.scoredos.potential.LinearSnapPotential;
import org.scoredos.structure.Cell;
import org.scoredos.structure.LammpsDataWriter;
import org.scoredos.structure.Lattices;
import org.scoredos.structure.Structure;
import org.scoredos.summary.ReferenceConstants;

/** A campaign's {@code relax} step: the reference it samples around is the relaxed defect cell. */
class CampaignRelaxTest {
    private static final Path W_SNAP = Path.of("../conf/potentials/w-snap").toAbsolutePath().normalize();

    @TempDir
    Path tmp;

    private Structure vacancy;
    private LinearSnapPotential snap;

    @BeforeEach
    void vacancyFile() throws Exception {
        Structure perfect = Lattices.bcc(3.1803, 2, 2, 2);
        double[] x = Arrays.copyOfRange(perfect.positions(), 3, 3 * perfect.size()); // atom 0 removed
        int[] types = new int[perfect.size() - 1];
        Arrays.fill(types, 1);
        vacancy = new Structure(perfect.cell(), x, types, new double[] {183.84});
        LammpsDataWriter.write(vacancy, tmp.resolve("vacancy.data"), "15-atom W vacancy");
        SnapParameters p = SnapParameterReader.read(W_SNAP.resolve("D.snapparam"));
        snap = LinearSnapPotential.of(p, SnapCoefficientReader.read(W_SNAP.resolve("X_W.snapcoeff"), p));
    }

    private Path config(String relax) throws Exception {
        Path yaml = tmp.resolve("vacancy.yaml");
        Files.writeString(yaml, """
                name: vacancy
                structure: {file: vacancy.data}
                mass: 183.84
                descriptor: %s/D.snapparam
                reference: {coeff: %s/X_W.snapcoeff}
                %s
                tau: [0.5, 1.0]
                samples: 16
                seed: 3
                output: out
                """.formatted(W_SNAP, W_SNAP, relax));
        return yaml;
    }

    private CampaignSetup.Prepared prepare(Path yaml) throws Exception {
        return CampaignSetup.prepare(CampaignConfigReader.read(yaml), yaml, tmp.resolve("hessians"),
                new Progress(new PrintWriter(new StringWriter()), "vacancy", Duration.ofMinutes(1)));
    }

    private double maxForce(ReferenceConstants ref) {
        Structure s = new Structure(new Cell(ref.cell(), new double[3]), ref.positions(), vacancy.types(), vacancy.massByType());
        double[] f = new double[3 * s.size()];
        snap.energyAndForces(s, f);
        return FireRelaxation.maxForce(f);
    }

    @Test
    void theReferenceIsTheRelaxedCell() throws Exception {
        ReferenceConstants asGiven = prepare(config("")).phases().get(0);
        ReferenceConstants relaxed = prepare(config("relax: {forceTolerance: 1.0e-5}")).phases().get(0);
        assertTrue(maxForce(asGiven) > 1e-2, "the unrelaxed vacancy has forces: " + maxForce(asGiven));
        assertTrue(maxForce(relaxed) < 1e-5, "the campaign's reference is relaxed: " + maxForce(relaxed));
        assertEquals(15, relaxed.atoms());
        assertEquals(3 * 15 - 3, relaxed.stableModes());
        // D_0 is the relaxed cell's descriptor, so θ_ref·D_0 is its (lower) energy
        Structure r = new Structure(new Cell(relaxed.cell(), new double[3]), relaxed.positions(), vacancy.types(), vacancy.massByType());
        assertArrayEquals(snap.bispectrum().average(r), relaxed.d0(), 1e-12);
        assertTrue(snap.energy(r) < snap.energy(vacancy));
        assertNotEquals(CampaignIdentity.of(CampaignConfigReader.read(config("")), tmp),
                CampaignIdentity.of(CampaignConfigReader.read(config("relax: {forceTolerance: 1.0e-5}")), tmp));
    }

    @Test
    void aRelaxationThatDoesNotConvergeStopsTheRunAtTheConfigLine() throws Exception {
        Path yaml = config("relax: {maxSteps: 2}");
        BadInputException e = assertThrows(BadInputException.class, () -> prepare(yaml));
        assertTrue(e.getMessage().contains("vacancy.yaml:6: relax.maxSteps: the relaxation at strain +0.0000 did not converge in 2 steps"),
                e.getMessage());
        BadInputException bad = assertThrows(BadInputException.class, () -> CampaignConfigReader.read(config("relax: {forceTolerance: 0}")));
        assertTrue(bad.getMessage().contains("vacancy.yaml:6: relax.forceTolerance: a positive force in eV/Å"), bad.getMessage());
    }
}

package org.scoredos.structure;

import java.util.Arrays;
import org.scoredos.io.BadInputException;

/**
 * Atoms in a periodic cell: Cartesian positions (flat x0,y0,z0,x1,... in Å), integer types
 * counted from 1 as in LAMMPS, a mass per type (amu; NaN where a file did not give one) and a
 * species name per type where the file names it (extended XYZ; null where it does not, as in
 * LAMMPS files, whose types the model names). Immutable in shape; positions are copied in and
 * out so samplers can derive displaced copies.
 */
public final class Structure {
    private final Cell cell;
    private final double[] positions;
    private final int[] types;
    private final double[] massByType; // index t-1 for type t
    private final String[] speciesByType; // index t-1 for type t; null entries where unnamed

    /** Atoms whose types the file does not name. */
    public Structure(Cell cell, double[] positions, int[] types, double[] massByType) {
        this(cell, positions, types, massByType, new String[massByType.length]);
    }

    /** Atoms with a species name per type ({@code speciesByType[t-1]}, null where unnamed). */
    public Structure(Cell cell, double[] positions, int[] types, double[] massByType, String[] speciesByType) {
        if (positions.length != 3 * types.length) {
            throw new BadInputException("positions hold " + positions.length / 3.0 + " atoms but types hold " + types.length);
        }
        for (int k = 0; k < positions.length; k++) {
            if (!Double.isFinite(positions[k])) {
                throw new BadInputException("atom " + (k / 3 + 1) + ": coordinate " + "xyz".charAt(k % 3) + " is not finite: " + positions[k]);
            }
        }
        int maxType = 0;
        for (int t : types) {
            if (t < 1) throw new BadInputException("atom type must be ≥ 1, got " + t);
            maxType = Math.max(maxType, t);
        }
        if (massByType.length < maxType) {
            throw new BadInputException("masses given for " + massByType.length + " types but atoms use type " + maxType);
        }
        this.cell = cell;
        this.positions = positions.clone();
        this.types = types.clone();
        this.massByType = massByType.clone();
        this.speciesByType = Arrays.copyOf(speciesByType, massByType.length);
    }

    public Cell cell() {
        return cell;
    }

    public int size() {
        return types.length;
    }

    public double x(int i) {
        return positions[3 * i];
    }

    public double y(int i) {
        return positions[3 * i + 1];
    }

    public double z(int i) {
        return positions[3 * i + 2];
    }

    /** A copy of the flat position array. */
    public double[] positions() {
        return positions.clone();
    }

    public int type(int i) {
        return types[i];
    }

    public int[] types() {
        return types.clone();
    }

    public int typeCount() {
        return massByType.length;
    }

    /** Mass of type t (t from 1), amu; NaN when unknown. */
    public double massOfType(int t) {
        return massByType[t - 1];
    }

    public double mass(int i) {
        return massByType[types[i] - 1];
    }

    public double[] massByType() {
        return massByType.clone();
    }

    /** The species name of type t (t from 1), or null when the file does not name it. */
    public String speciesOfType(int t) {
        return speciesByType[t - 1];
    }

    /** Whether every type carries a species name (then a model's elements are matched to them by name). */
    public boolean namesSpecies() {
        for (String s : speciesByType) if (s == null) return false;
        return true;
    }

    /** The species name of atom i, or null when its type is unnamed. */
    public String species(int i) {
        return speciesByType[types[i] - 1];
    }

    /** Species names per type (index t-1; null where unnamed), a copy. */
    public String[] speciesByType() {
        return speciesByType.clone();
    }

    /**
     * The first atom (from 0) that is not what it is in another frame of {@code types} and
     * {@code speciesByType}: another type, or another name where both name it; -1 when none
     * (a trajectory's atoms keep their species).
     */
    public int firstSpeciesChange(int[] otherTypes, String[] otherSpeciesByType) {
        for (int i = 0; i < Math.min(size(), otherTypes.length); i++) {
            String mine = species(i), theirs = otherSpeciesByType[otherTypes[i] - 1];
            if (types[i] != otherTypes[i] || mine != null && theirs != null && !mine.equals(theirs)) return i;
        }
        return -1;
    }

    /** The same atoms with new types, masses and species per type (what a model's element order makes of them). */
    public Structure withTypes(int[] newTypes, double[] newMassByType, String[] newSpeciesByType) {
        return new Structure(cell, positions, newTypes, newMassByType, newSpeciesByType);
    }

    /** The same atoms at new positions (same cell, types and masses). */
    public Structure withPositions(double[] newPositions) {
        return new Structure(cell, newPositions, types, massByType, speciesByType);
    }

    /** The same atoms in a new cell at new positions. */
    public Structure withCellAndPositions(Cell newCell, double[] newPositions) {
        return new Structure(newCell, newPositions, types, massByType, speciesByType);
    }

    /** The same atoms with new masses per type (amu, index t-1 for type t). */
    public Structure withMassByType(double[] newMassByType) {
        return new Structure(cell, positions, types, newMassByType, speciesByType);
    }
}

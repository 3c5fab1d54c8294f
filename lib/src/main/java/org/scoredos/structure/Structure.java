package org.scoredos.structure;

import org.scoredos.io.BadInputException;

/**
 * Atoms in a periodic cell: Cartesian positions (flat x0,y0,z0,x1,... in Å), integer types
 * counted from 1 as in LAMMPS, and a mass per type (amu; NaN where a file did not give one).
 * Immutable in shape; positions are copied in and out so samplers can derive displaced copies.
 */
public final class Structure {
    private final Cell cell;
    private final double[] positions;
    private final int[] types;
    private final double[] massByType; // index t-1 for type t

    public Structure(Cell cell, double[] positions, int[] types, double[] massByType) {
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

    /** The same atoms at new positions (same cell, types and masses). */
    public Structure withPositions(double[] newPositions) {
        return new Structure(cell, newPositions, types, massByType);
    }

    /** The same atoms in a new cell at new positions. */
    public Structure withCellAndPositions(Cell newCell, double[] newPositions) {
        return new Structure(newCell, newPositions, types, massByType);
    }

    /** The same atoms with new masses per type (amu, index t-1 for type t). */
    public Structure withMassByType(double[] newMassByType) {
        return new Structure(cell, positions, types, newMassByType);
    }
}

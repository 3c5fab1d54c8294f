package org.scoredos.structure;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import org.scoredos.io.InputFiles;
import org.scoredos.io.BadInputException;

/**
 * Reads a structure file, choosing the reader by extension: {@code .data}, {@code .dat},
 * {@code .lmp} (LAMMPS data, atomic style), {@code .dump}, {@code .lammpstrj} (LAMMPS text
 * dump, first frame), {@code .xyz}, {@code .extxyz} (extended XYZ, first frame).
 */
public final class StructureFiles {
    /** What {@link #format} reports. */
    public enum Format {
        LAMMPS_DATA("LAMMPS data"),
        LAMMPS_DUMP("LAMMPS dump"),
        EXTENDED_XYZ("extended XYZ");

        private final String description;

        Format(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }

    private StructureFiles() {}

    public static Structure read(Path path) throws IOException {
        Format format = format(path);
        InputFiles.regular(path);
        try {
            return switch (format) {
                case LAMMPS_DATA -> LammpsDataReader.read(path);
                case LAMMPS_DUMP -> LammpsDumpReader.readFirst(path);
                case EXTENDED_XYZ -> ExtendedXyzReader.read(path);
            };
        } catch (NoSuchFileException e) {
            throw BadInputException.at(path.toString(), 0, null, "no such file");
        }
    }

    /** The format of a file name's extension. */
    public static Format format(Path path) {
        String name = path.getFileName() == null ? "" : path.getFileName().toString().toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        String ext = dot < 0 ? "" : name.substring(dot + 1);
        return switch (ext) {
            case "data", "dat", "lmp" -> Format.LAMMPS_DATA;
            case "dump", "lammpstrj" -> Format.LAMMPS_DUMP;
            case "xyz", "extxyz" -> Format.EXTENDED_XYZ;
            default -> throw BadInputException.at(path.toString(), 0, null, "unknown structure format '" + (dot < 0 ? name : "." + ext)
                    + "' (use .data/.dat/.lmp for LAMMPS data, .dump/.lammpstrj for LAMMPS dumps, .xyz/.extxyz for extended XYZ)");
        };
    }
}

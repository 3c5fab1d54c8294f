package org.scoredos.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import org.scoredos.io.BadInputException;
import org.scoredos.neighbor.NeighborList;
import org.scoredos.structure.Structure;
import org.scoredos.structure.StructureFiles;

/**
 * The structure file a command works on: read, and refused with the file's name when two atoms
 * overlap — the neighbour list and SNAP would otherwise stop later with a message that no
 * longer says which file was wrong.
 */
final class StructureInput {
    /** Atoms closer than this (Å) overlap: no solid holds them, and SNAP refuses them. */
    static final double OVERLAP = 0.1;

    private StructureInput() {}

    static Structure read(Path file) throws IOException {
        Structure s = StructureFiles.read(file);
        NeighborList contacts;
        try {
            contacts = NeighborList.build(s, OVERLAP);
        } catch (BadInputException e) { // e.g. two atoms at the very same position
            throw BadInputException.at(file.toString(), 0, null, e.getMessage());
        }
        for (int i = 0; i < s.size(); i++) {
            if (contacts.count(i) == 0) continue;
            int p = contacts.start(i);
            throw BadInputException.at(file.toString(), 0, null, String.format(Locale.ROOT,
                    "atoms %d and %d are only %.3g Å apart (overlapping atoms)", i + 1, contacts.neighbor(p) + 1, contacts.distance(p)));
        }
        return s;
    }
}

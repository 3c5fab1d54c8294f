package org.scoredos.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The one way a command writes a result file (a plot, a potential, a structure): whole or not
 * at all, and never over something that is not a plain file. The content is written beside
 * the target and renamed over it, so a reader never sees half a file; a directory, a device,
 * a FIFO or a symbolic link at the target is refused before anything is written (renaming
 * over /dev/full would replace the device); the file is created with the process's umask
 * applied, like any file a user's tool writes (a temporary file would be 0600).
 */
public final class OutputFiles {
    private OutputFiles() {}

    /** What writes the content to a stream. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Checks that {@code target} may be written: absent or a regular file, in an existing directory. */
    public static Path checkTarget(Path target) {
        String name = target.toString();
        if (Files.isSymbolicLink(target)) {
            throw BadInputException.at(name, 0, null, "is a symbolic link: not replaced (name the file it points to, or another path)");
        }
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            if (Files.isDirectory(target)) throw BadInputException.at(name, 0, null, "is a directory: name a file to write");
            if (!Files.isRegularFile(target)) {
                throw BadInputException.at(name, 0, null, "is not a regular file (a device, FIFO or socket): not replaced");
            }
        }
        Path dir = target.toAbsolutePath().getParent();
        if (dir == null || !Files.isDirectory(dir)) throw BadInputException.at(name, 0, null, "its directory does not exist");
        return target;
    }

    /** Refuses an output that is one of the inputs (e.g. finetune --out naming the --coeff it reads). */
    public static void checkNotAnInput(Path target, String option, Path input, String inputOption) throws IOException {
        if (Files.exists(target) && Files.exists(input) && Files.isSameFile(target, input)) {
            throw new BadInputException(option + " " + target + ": is the " + inputOption + " input; write the result to another file");
        }
    }

    /** Writes {@code content} to {@code target} atomically (see the class comment). */
    public static void write(Path target, Content content) throws IOException {
        checkTarget(target);
        Path dir = target.toAbsolutePath().getParent();
        Path tmp = null;
        for (int attempt = 0; tmp == null; attempt++) {
            Path candidate = dir.resolve("." + target.getFileName() + "." + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp");
            try {
                tmp = Files.createFile(candidate); // default permissions: 0666 less the umask
            } catch (FileAlreadyExistsException e) {
                if (attempt > 16) throw e;
            }
        }
        try {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                content.writeTo(out);
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Writes UTF-8 text atomically. */
    public static void writeString(Path target, CharSequence text) throws IOException {
        write(target, out -> out.write(text.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }
}

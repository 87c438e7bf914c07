package jp.mynadesk.build;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.commons.JSRInlinerAdapter;

/**
 * Build step (not in the product): re-encodes the class files of the shaded jar that are older than Java 6 (class file
 * version below 50, only Picocli's, which is compiled for Java 5) as Java 8 class files with stack map frames, and
 * nothing else: the same instructions, names and attributes.
 *
 * <p>Why: JDK 17's class-data archive and JDK 25's AOT cache cannot store such old classes verified and linked, so
 * every start of {@code mynadesk} loaded Picocli's 228 classes from the jar and checked them with the old
 * type-inferring verifier: 60-90 ms of a one-shot check (issue 23, docs/ARCHITECTURE.md "Start-up"). Re-encoded,
 * they are archived like every other class.
 *
 * <p>The result is checked before it replaces the jar: every re-encoded class is loaded, verified and initialised in
 * a fresh class loader, and any failure fails the build (the jar is left as the shade plugin wrote it).
 *
 * <p>Usage: {@code ClassVersionUpgrade JAR}. Picocli is Apache-2.0; README.md names this change to its binaries.
 */
public final class ClassVersionUpgrade {
    private static final int JAVA_6 = 50;

    private ClassVersionUpgrade() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: ClassVersionUpgrade JAR");
        }
        Path jar = Path.of(args[0]);
        Path upgraded = jar.resolveSibling(jar.getFileName() + ".upgraded");
        List<String> classes = rewrite(jar, upgraded);
        verify(upgraded, classes);
        Files.move(upgraded, jar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        System.out.println("ClassVersionUpgrade: " + classes.size() + " class files re-encoded as Java 8 in " + jar);
    }

    /**
     * Copies {@code in} to {@code out} and re-encodes the old class files in the copy; returns them. The zip file
     * system rewrites only those entries and copies the other 15,000 as they are (recompressing all took ~4 s).
     */
    private static List<String> rewrite(Path in, Path out) throws IOException {
        Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
        List<String> upgraded = new ArrayList<>();
        try (URLClassLoader types = new URLClassLoader(new URL[] {in.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
             FileSystem jar = FileSystems.newFileSystem(out)) {
            List<Path> classes;
            try (Stream<Path> all = Files.walk(jar.getPath("/"))) {
                classes = all.filter(f -> f.toString().endsWith(".class") && !f.startsWith("/META-INF")).toList();
            }
            for (Path file : classes) {
                ClassReader reader = new ClassReader(Files.readAllBytes(file));
                if (reader.readUnsignedShort(6) < JAVA_6) {
                    Files.write(file, upgrade(reader, types));
                    upgraded.add(file.toString().substring(1));
                }
            }
        }
        return upgraded;
    }

    private static byte[] upgrade(ClassReader reader, ClassLoader types) {
        // COMPUTE_FRAMES merges types through the jar's own classes (the default would use this tool's loader)
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_FRAMES) {
            @Override
            protected ClassLoader getClassLoader() {
                return types;
            }
        };
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
                super.visit(Opcodes.V1_8, access, name, signature, superName, interfaces);
            }

            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
                // JSR/RET are not allowed from version 51: inline them (javac has not written them since Java 1.4.2)
                return new JSRInlinerAdapter(super.visitMethod(access, name, descriptor, signature, exceptions),
                        access, name, descriptor, signature, exceptions);
            }
        }, ClassReader.SKIP_FRAMES);
        return writer.toByteArray();
    }

    /** Loads, verifies (the split verifier, as for any class not from the JDK) and initialises every re-encoded class. */
    private static void verify(Path jar, List<String> classes) throws IOException {
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader())) {
            for (String entry : classes) {
                String name = entry.substring(0, entry.length() - ".class".length()).replace('/', '.');
                try {
                    Class.forName(name, true, loader);
                } catch (ReflectiveOperationException | LinkageError e) {
                    Files.deleteIfExists(jar);
                    throw new IllegalStateException("re-encoded " + name + " does not load: " + e, e);
                }
            }
        }
    }
}

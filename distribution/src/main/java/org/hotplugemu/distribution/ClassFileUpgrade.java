package org.hotplugemu.distribution;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;

/**
 * Raises the class files of a library jar compiled for Java 5 or older to Java 8, with the stack
 * map frames Java 8 requires computed, when the distribution is packaged. The JDK keeps classes
 * older than Java 6 out of its class-data archive (they need the old, inferencing verifier), so
 * picocli's 170-odd classes (compiled for Java 5, a choice its maintainers keep) were loaded from
 * the jar and verified at every start. Only the version and the frames change; the bytecode is the
 * same. Java 8 rather than 6: from 7 on the JVM checks the frames and does not fall back to the
 * old verifier, so a wrong frame would fail loudly.
 *
 * <p>Run by the build ({@code distribution/pom.xml}) as {@code java ClassFileUpgrade JAR}; not a
 * user command.
 */
public final class ClassFileUpgrade {
    /** The oldest class file version the JDK's class-data archive takes (Java 6). */
    static final int ARCHIVABLE = Opcodes.V1_6;
    /** The version old class files are raised to. */
    static final int TARGET = Opcodes.V1_8;

    private ClassFileUpgrade() {
    }

    /** Upgrades each jar named in place; prints how many classes changed. */
    public static void main(String[] args) throws IOException {
        if (args.length == 0) {
            System.err.println("usage: ClassFileUpgrade JAR...");
            System.exit(2);
        }
        for (String jar : args) {
            Path path = Path.of(jar);
            Path upgraded = path.resolveSibling(path.getFileName() + ".upgraded");
            int count = upgrade(path, upgraded);
            Files.move(upgraded, path, StandardCopyOption.REPLACE_EXISTING);
            System.out.println("ClassFileUpgrade: " + path.getFileName() + ": " + count + " classes raised to Java 8");
        }
    }

    /**
     * Writes {@code jar} to {@code target} with every class older than Java 6 raised to Java 8; other
     * entries (resources, newer classes such as a {@code module-info}) are copied unchanged, in order.
     * Returns how many classes were raised.
     */
    static int upgrade(Path jar, Path target) throws IOException {
        int count = 0;
        try (ZipFile in = new ZipFile(jar.toFile());
                URLClassLoader hierarchy = new URLClassLoader(new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
                ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(target))) {
            Enumeration<? extends ZipEntry> entries = in.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                byte[] bytes;
                try (InputStream stream = in.getInputStream(entry)) {
                    bytes = stream.readAllBytes();
                }
                if (entry.getName().endsWith(".class") && isOld(bytes)) {
                    bytes = raise(bytes, hierarchy);
                    count++;
                }
                ZipEntry copy = new ZipEntry(entry.getName());
                copy.setTime(entry.getTime());
                out.putNextEntry(copy);
                out.write(bytes);
                out.closeEntry();
            }
        }
        return count;
    }

    /** Returns whether {@code classFile} is older than Java 6 (major version below 50). */
    static boolean isOld(byte[] classFile) {
        return major(classFile) < ARCHIVABLE;
    }

    /** Returns the major version of {@code classFile}, e.g. 52 for Java 8. */
    static int major(byte[] classFile) {
        return ((classFile[6] & 0xFF) << 8) | (classFile[7] & 0xFF);
    }

    /**
     * Returns {@code classFile} as Java 8. Computing frames needs the common super class of two
     * types, which ASM finds by loading them (without initialising) from {@code hierarchy}: the jar
     * itself over the JDK.
     */
    static byte[] raise(byte[] classFile, ClassLoader hierarchy) {
        ClassReader reader = new ClassReader(classFile);
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_FRAMES) {
            @Override
            protected ClassLoader getClassLoader() {
                return hierarchy;
            }
        };
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
                super.visit(TARGET, access, name, signature, superName, interfaces);
            }
        }, 0);
        return writer.toByteArray();
    }
}

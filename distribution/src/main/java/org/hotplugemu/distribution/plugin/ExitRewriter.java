package org.hotplugemu.distribution.plugin;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Rewrites a plugin class as it is defined so that {@code System.exit}, {@code Runtime.exit} and
 * {@code Runtime.halt} cannot end the emulator: each call becomes a call to a small method added to
 * the same class that throws {@link IllegalCallerException}
 * {@code plugin 'foo' (foo.jar) called System.exit(3); refused}, which the emulator reports where
 * it called the plugin (a failed registration, a failed hotplug step). The replacement takes the
 * same operands, so the rest of the bytecode (stack sizes, frames) is unchanged. Calls through a
 * method reference or reflection are not rewritten.
 */
final class ExitRewriter {
    private static final String SYSTEM_EXIT = "hotplugemu$systemExit";
    private static final String RUNTIME_EXIT = "hotplugemu$runtimeExit";
    private static final String RUNTIME_HALT = "hotplugemu$runtimeHalt";

    private ExitRewriter() {
    }

    /** Returns {@code bytes} rewritten, or {@code bytes} itself when the class calls none of the three. */
    static byte[] rewrite(byte[] bytes, String plugin) {
        ClassReader reader = new ClassReader(bytes);
        ClassWriter writer = new ClassWriter(reader, 0);
        Rewriting rewriting = new Rewriting(writer, plugin);
        reader.accept(rewriting, 0);
        return rewriting.changed ? writer.toByteArray() : bytes;
    }

    private static final class Rewriting extends ClassVisitor {
        private final String plugin;
        private String owner;
        private boolean isInterface;
        private int version;
        private boolean changed;
        private boolean systemExit;
        private boolean runtimeExit;
        private boolean runtimeHalt;

        Rewriting(ClassVisitor next, String plugin) {
            super(Opcodes.ASM9, next);
            this.plugin = plugin;
        }

        @Override
        public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
            this.owner = name;
            this.version = version & 0xFFFF;
            this.isInterface = (access & Opcodes.ACC_INTERFACE) != 0;
            super.visit(version, access, name, signature, superName, interfaces);
        }

        @Override
        public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
            MethodVisitor next = super.visitMethod(access, name, descriptor, signature, exceptions);
            // Static methods in interfaces need class files of Java 8 (52) or later.
            if (isInterface && version < Opcodes.V1_8) {
                return next;
            }
            return new MethodVisitor(Opcodes.ASM9, next) {
                @Override
                public void visitMethodInsn(int opcode, String callee, String method, String desc, boolean itf) {
                    if (opcode == Opcodes.INVOKESTATIC && callee.equals("java/lang/System") && method.equals("exit") && desc.equals("(I)V")) {
                        systemExit = changed = true;
                        super.visitMethodInsn(Opcodes.INVOKESTATIC, owner, SYSTEM_EXIT, "(I)V", isInterface);
                    } else if (opcode == Opcodes.INVOKEVIRTUAL && callee.equals("java/lang/Runtime") && desc.equals("(I)V")
                            && (method.equals("exit") || method.equals("halt"))) {
                        changed = true;
                        boolean exit = method.equals("exit");
                        runtimeExit |= exit;
                        runtimeHalt |= !exit;
                        super.visitMethodInsn(Opcodes.INVOKESTATIC, owner, exit ? RUNTIME_EXIT : RUNTIME_HALT,
                                "(Ljava/lang/Runtime;I)V", isInterface);
                    } else {
                        super.visitMethodInsn(opcode, callee, method, desc, itf);
                    }
                }
            };
        }

        @Override
        public void visitEnd() {
            if (systemExit) {
                refusal(SYSTEM_EXIT, "(I)V", "System.exit", 0);
            }
            if (runtimeExit) {
                refusal(RUNTIME_EXIT, "(Ljava/lang/Runtime;I)V", "Runtime.exit", 1);
            }
            if (runtimeHalt) {
                refusal(RUNTIME_HALT, "(Ljava/lang/Runtime;I)V", "Runtime.halt", 1);
            }
            super.visitEnd();
        }

        /** Adds {@code static void name(..., int status)} that throws the refusal naming the plugin and the status. */
        private void refusal(String name, String descriptor, String call, int statusSlot) {
            // Private interface methods need Java 9 (53); before that the helper is public.
            int visibility = isInterface && version < Opcodes.V9 ? Opcodes.ACC_PUBLIC : Opcodes.ACC_PRIVATE;
            MethodVisitor method = cv.visitMethod(visibility | Opcodes.ACC_STATIC | Opcodes.ACC_SYNTHETIC, name, descriptor, null, null);
            method.visitCode();
            method.visitTypeInsn(Opcodes.NEW, "java/lang/IllegalCallerException");
            method.visitInsn(Opcodes.DUP);
            method.visitLdcInsn(plugin + " called " + call + "(");
            method.visitVarInsn(Opcodes.ILOAD, statusSlot);
            method.visitMethodInsn(Opcodes.INVOKESTATIC, "java/lang/String", "valueOf", "(I)Ljava/lang/String;", false);
            method.visitMethodInsn(Opcodes.INVOKEVIRTUAL, "java/lang/String", "concat", "(Ljava/lang/String;)Ljava/lang/String;", false);
            method.visitLdcInsn("); refused");
            method.visitMethodInsn(Opcodes.INVOKEVIRTUAL, "java/lang/String", "concat", "(Ljava/lang/String;)Ljava/lang/String;", false);
            method.visitMethodInsn(Opcodes.INVOKESPECIAL, "java/lang/IllegalCallerException", "<init>", "(Ljava/lang/String;)V", false);
            method.visitInsn(Opcodes.ATHROW);
            method.visitMaxs(4, statusSlot + 1);
            method.visitEnd();
        }
    }
}

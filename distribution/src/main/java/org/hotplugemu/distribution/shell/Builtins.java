package org.hotplugemu.distribution.shell;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hotplugemu.api.kernel.Errno;
import org.hotplugemu.api.kernel.HotplugException;

/** The file commands of the shell: {@code cat}, {@code echo}, {@code ls}, {@code dmesg}, {@code sleep}. */
final class Builtins {
    /** Errors of the open itself, which say all there is to say; others get the emulator's reason too. */
    private static final Set<Errno> OPEN_ERRORS = Set.of(Errno.ENOENT, Errno.EACCES, Errno.EISDIR, Errno.ENOTDIR);

    private Builtins() {
    }

    /** Returns the file commands by name, in the order {@code help} lists them. */
    static Map<String, Builtin> fileCommands() {
        Map<String, Builtin> commands = new LinkedHashMap<>();
        commands.put("cat", new Cat());
        commands.put("echo", new Echo());
        commands.put("ls", new Ls());
        commands.put("dmesg", new Dmesg());
        commands.put("sleep", new Sleep());
        commands.putAll(HotplugBuiltins.commands());
        return commands;
    }

    private static final class Cat implements Builtin {
        @Override
        public String usage() {
            return "cat FILE...            print files, e.g. cat /sys/devices/system/cpu/online";
        }

        @Override
        public void validate(List<String> arguments) {
            if (arguments.isEmpty()) {
                throw new ScriptSyntaxException("cat: missing file operand (reading stdin is not supported)");
            }
        }

        @Override
        public int run(List<String> arguments, CommandIo io) {
            int status = 0;
            for (String path : arguments) {
                try {
                    io.out().append(io.machine().read(path));
                } catch (HotplugException e) {
                    io.err().println("cat: " + path + ": " + e.errno().text());
                    if (!OPEN_ERRORS.contains(e.errno())) {
                        Reasons.print(e, io.err(), io.verbose());
                    }
                    status = 1;
                }
            }
            return status;
        }
    }

    private static final class Echo implements Builtin {
        @Override
        public String usage() {
            return "echo [-n] WORD...      print words (-n: no newline); with > PATH, write a file";
        }

        @Override
        public int run(List<String> arguments, CommandIo io) {
            int first = 0;
            while (first < arguments.size() && arguments.get(first).equals("-n")) {
                first++;
            }
            io.out().append(String.join(" ", arguments.subList(first, arguments.size())));
            if (first == 0) {
                io.out().append('\n');
            }
            return 0;
        }
    }

    private static final class Ls implements Builtin {
        @Override
        public String usage() {
            return "ls [PATH...]           list directories (entries ending in / are directories)";
        }

        @Override
        public int run(List<String> arguments, CommandIo io) {
            List<String> paths = arguments.isEmpty() ? List.of("/") : arguments;
            int status = 0;
            for (String path : paths) {
                try {
                    if (!io.machine().exists(path)) {
                        io.err().println("ls: cannot access '" + path + "': No such file or directory");
                        status = 1;
                    } else if (io.machine().isDirectory(path)) {
                        if (paths.size() > 1) {
                            io.out().append(path).append(":\n");
                        }
                        io.machine().list(path).forEach(entry -> io.out().append(entry).append('\n'));
                    } else {
                        io.out().append(path).append('\n');
                    }
                } catch (HotplugException e) {
                    io.err().println("ls: cannot open '" + path + "': " + e.errno().text());
                    status = 1;
                }
            }
            return status;
        }
    }

    private static final class Sleep implements Builtin {
        @Override
        public String usage() {
            return "sleep SECONDS          let engine time pass (decimals allowed, e.g. sleep 0.5)";
        }

        @Override
        public void validate(List<String> arguments) {
            if (arguments.size() != 1) {
                throw new ScriptSyntaxException("sleep: takes exactly one operand, e.g. sleep 0.5");
            }
        }

        @Override
        public int run(List<String> arguments, CommandIo io) {
            String operand = arguments.get(0);
            Duration duration;
            try {
                BigDecimal seconds = new BigDecimal(operand.endsWith("s") ? operand.substring(0, operand.length() - 1) : operand);
                if (seconds.signum() < 0) {
                    throw new NumberFormatException("negative");
                }
                duration = Duration.ofNanos(seconds.movePointRight(9).longValueExact());
            } catch (NumberFormatException | ArithmeticException e) {
                io.err().println("sleep: invalid time interval '" + operand + "'");
                return 1;
            }
            io.machine().sleep(duration);
            return 0;
        }
    }
}

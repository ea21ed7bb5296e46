package org.hotplugemu.distribution.qmp;

import org.hotplugemu.distribution.wiring.StartupException;

/**
 * QEMU's {@code -smp [cpus=]N[,maxcpus=M][,sockets=S][,dies=1][,cores=C][,threads=T]} with QEMU
 * 7.2's rules for the pc machine: missing values are computed preferring cores over sockets, the
 * product of the topology must equal maxcpus, and N may not exceed it.
 *
 * @param cpus the vCPUs present at boot
 * @param maxCpus the slots
 */
public record SmpOption(int cpus, int maxCpus, int sockets, int cores, int threads) {
    /** Parses the option's value, e.g. {@code 2,maxcpus=4}. */
    public static SmpOption parse(String text) {
        Integer cpus = null;
        Integer max = null;
        Integer sockets = null;
        Integer dies = null;
        Integer cores = null;
        Integer threads = null;
        String[] parts = text.split(",", -1);
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            int eq = part.indexOf('=');
            String key = eq < 0 ? (i == 0 ? "cpus" : part) : part.substring(0, eq);
            String value = eq < 0 ? part : part.substring(eq + 1);
            int number = number(key, value);
            switch (key) {
                case "cpus" -> cpus = number;
                case "maxcpus" -> max = number;
                case "sockets" -> sockets = number;
                case "dies" -> dies = number;
                case "cores" -> cores = number;
                case "threads" -> threads = number;
                default -> throw new StartupException(java.util.List.of("Invalid parameter '" + key + "' in --smp " + text));
            }
        }
        if (dies != null && dies != 1) {
            throw new StartupException(java.util.List.of("--smp: only dies=1 is emulated"));
        }
        int maxGuess = max != null ? max : cpus != null ? cpus : 1;
        if (sockets == null && cores == null && threads == null) {
            sockets = 1;
            threads = 1;
            cores = maxGuess;
        } else {
            threads = threads == null ? 1 : threads;
            if (cores == null) {
                cores = sockets == null ? 1 : Math.max(1, maxGuess / (sockets * threads));
            }
            if (sockets == null) {
                sockets = Math.max(1, maxGuess / (cores * threads));
            }
        }
        int product = sockets * cores * threads;
        int maxCpus = max != null ? max : product;
        int present = cpus != null ? cpus : maxCpus;
        if (product != maxCpus) {
            throw new StartupException(java.util.List.of("Invalid CPU topology: product of the hierarchy must match maxcpus: sockets ("
                    + sockets + ") * dies (1) * cores (" + cores + ") * threads (" + threads + ") != maxcpus (" + maxCpus + ")"));
        }
        if (present > maxCpus) {
            throw new StartupException(java.util.List.of("Invalid CPU topology: maxcpus must be equal to or greater than smp: sockets ("
                    + sockets + ") * dies (1) * cores (" + cores + ") * threads (" + threads + ") == maxcpus (" + maxCpus + ") < smp_cpus (" + present + ")"));
        }
        return new SmpOption(present, maxCpus, sockets, cores, threads);
    }

    private static int number(String key, String value) {
        try {
            int n = Integer.parseInt(value);
            if (n < 1) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new StartupException(java.util.List.of("Parameter '" + key + "' expects a positive number, not '" + value + "' (--smp)"));
        }
    }

    public int socketOf(int slot) {
        return slot / (cores * threads);
    }

    public int coreOf(int slot) {
        return slot / threads % cores;
    }

    public int threadOf(int slot) {
        return slot % threads;
    }
}

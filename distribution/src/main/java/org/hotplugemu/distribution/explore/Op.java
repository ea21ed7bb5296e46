package org.hotplugemu.distribution.explore;

/**
 * One write of a random sequence, {@code echo value > cpuN/file}: {@code online} takes 0 or 1,
 * {@code hotplug/target} a state number; {@code eject} and {@code insert} are the hypervisor's
 * device_del and device_add of the CPU, written as the CPU number to {@code sysdev/eject|insert}.
 */
record Op(int cpu, String file, String value) {
    static final String EJECT = "eject";
    static final String INSERT = "insert";

    /** The hypervisor's eject request ({@code device_del}) or device check ({@code device_add}) of {@code cpu}. */
    static Op sysdev(int cpu, boolean insert) {
        return new Op(cpu, insert ? INSERT : EJECT, String.valueOf(cpu));
    }

    boolean isSysdev() {
        return file.equals(EJECT) || file.equals(INSERT);
    }

    String path() {
        return isSysdev() ? Cpus.SYSDEV + file : Cpus.CPU + "cpu" + cpu + "/" + file;
    }

    Op onCpu(int newCpu) {
        return new Op(newCpu, file, isSysdev() ? String.valueOf(newCpu) : value);
    }

    String line() {
        return "echo " + value + " > " + path();
    }
}

package org.hotplugemu.distribution.explore;

/**
 * One write of a random sequence, {@code echo value > cpuN/file}: {@code online} takes 0 or 1,
 * {@code hotplug/target} a state number.
 */
record Op(int cpu, String file, String value) {
    String path() {
        return Cpus.CPU + "cpu" + cpu + "/" + file;
    }

    Op onCpu(int newCpu) {
        return new Op(newCpu, file, value);
    }

    String line() {
        return "echo " + value + " > " + path();
    }
}

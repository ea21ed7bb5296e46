package org.hotplugemu.distribution.explore;

/**
 * A check that failed inside a scenario, before it is shrunk into a {@link Finding}.
 *
 * @param kind the failure kind, the key of the summary's "failed by kind" column
 * @param message what was seen
 */
record Problem(String kind, String message) {
    /** Classifies an exception an operation threw where none, or only a clean errno, was expected. */
    static Problem of(RuntimeException e) {
        String name = e.getClass().getSimpleName();
        String kind = name.equals("DeadlockException") ? "deadlock" : name.equals("EngineFailureException") || name.equals("KernelBugException") ? "crash" : "error";
        return new Problem(kind, String.valueOf(e.getMessage()));
    }
}

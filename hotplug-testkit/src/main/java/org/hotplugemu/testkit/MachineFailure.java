package org.hotplugemu.testkit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * Attached to a failed test's error (as a suppressed exception) or thrown after the test when the
 * machine's invariants broke: names the machine to replay and where its dmesg and trace were written.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class MachineFailure extends AssertionError {
    private static final long serialVersionUID = 1L;

    MachineFailure(String message) {
        super(message);
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        // The message is the information; a stack of the extension's frames would only hide it.
        return this;
    }
}

package org.hotplugemu.core.sysdev;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.hotplugemu.api.kernel.Errno;
import org.hotplugemu.api.kernel.HotplugException;
import org.hotplugemu.api.kernel.KernelLog;
import org.junit.jupiter.api.Test;

/** The phases, their order and rollback, with recording handlers. */
class HotplugSequencerTest {
    private final List<String> calls = new ArrayList<>();
    private final List<String> logged = new ArrayList<>();
    private final KernelLog log = (level, message) -> logged.add(message);
    private final HandlerRegistry registry = new HandlerRegistry();
    private final SysdevFaults faults = new SysdevFaults();
    private final HotplugSequencer sequencer = new HotplugSequencer(registry, log, faults);

    private void handler(HotplugPhase phase, int order, String name, boolean fails, boolean rollbackFails) {
        registry.register(HotplugOperation.ADD, phase, order, name, (request, rollback) -> {
            calls.add((rollback ? "rollback " : phase.name().toLowerCase() + " ") + name);
            if (rollback ? rollbackFails : fails) {
                throw new HotplugException(Errno.EBUSY, name + " refuses");
            }
        });
    }

    private HotplugRequest request() {
        return HotplugRequest.of(HotplugOperation.ADD, SystemDevice.cpu(1));
    }

    @Test
    void phasesRunInOrderValuesNotRegistrationOrder() {
        handler(HotplugPhase.COMMIT, 10, "c", false, false);
        handler(HotplugPhase.EXECUTE, 20, "e2", false, false);
        handler(HotplugPhase.EXECUTE, 10, "e1", false, false);
        handler(HotplugPhase.VALIDATE, 10, "v", false, false);

        sequencer.run(request());

        assertThat(calls).containsExactly("validate v", "execute e1", "execute e2", "commit c");
    }

    @Test
    void validateFailureRollsBackTheValidatorsAlreadyRun() {
        handler(HotplugPhase.VALIDATE, 10, "v1", false, false);
        handler(HotplugPhase.VALIDATE, 20, "v2", true, false);
        handler(HotplugPhase.EXECUTE, 10, "e", false, false);
        HotplugRequest request = request();

        assertThatThrownBy(() -> sequencer.run(request)).isInstanceOf(HotplugException.class);

        assertThat(calls).containsExactly("validate v1", "validate v2", "rollback v1");
        assertThat(request.failure().errno()).isEqualTo(Errno.EBUSY);
    }

    @Test
    void executeFailureRollsBackEveryHandlerRunInReverse() {
        handler(HotplugPhase.VALIDATE, 10, "v", false, false);
        handler(HotplugPhase.EXECUTE, 10, "e1", false, false);
        handler(HotplugPhase.EXECUTE, 20, "e2", false, false);
        handler(HotplugPhase.EXECUTE, 30, "e3", true, false);
        handler(HotplugPhase.COMMIT, 10, "c", false, false);

        assertThatThrownBy(() -> sequencer.run(request())).isInstanceOf(HotplugException.class);

        assertThat(calls).containsExactly("validate v", "execute e1", "execute e2", "execute e3",
                "rollback e2", "rollback e1", "rollback v");
    }

    @Test
    void rollbackErrorsAreOnlyLoggedAndRollbackGoesOn() {
        handler(HotplugPhase.EXECUTE, 10, "e1", false, false);
        handler(HotplugPhase.EXECUTE, 20, "e2", false, true);
        handler(HotplugPhase.EXECUTE, 30, "e3", true, false);

        assertThatThrownBy(() -> sequencer.run(request())).isInstanceOfSatisfying(HotplugException.class,
                e -> assertThat(e.getMessage()).contains("e3 refuses"));

        assertThat(calls).containsExactly("execute e1", "execute e2", "execute e3", "rollback e2", "rollback e1");
        assertThat(logged).singleElement().asString().contains("rollback of e2 failed");
    }

    @Test
    void commitErrorsAreLoggedAndRecordedWithoutRollback() {
        handler(HotplugPhase.EXECUTE, 10, "e", false, false);
        handler(HotplugPhase.COMMIT, 10, "c1", true, false);
        handler(HotplugPhase.COMMIT, 20, "c2", false, false);
        HotplugRequest request = request();

        sequencer.run(request);

        assertThat(calls).containsExactly("execute e", "commit c1", "commit c2");
        assertThat(request.failure().errno()).isEqualTo(Errno.EBUSY);
        assertThat(logged).singleElement().asString().contains("commit handler c1 failed");
    }

    @Test
    void duplicateNamesInOnePhaseAreRefused() {
        handler(HotplugPhase.EXECUTE, 10, "e", false, false);
        assertThatThrownBy(() -> handler(HotplugPhase.EXECUTE, 20, "e", false, false))
                .isInstanceOfSatisfying(HotplugException.class, e -> assertThat(e.errno()).isEqualTo(Errno.EEXIST));
    }

    @Test
    void anArmedHandlerFailsOnceWithEagainWithoutRunningAndTheOthersRollBack() {
        handler(HotplugPhase.VALIDATE, 10, "v", false, false);
        handler(HotplugPhase.EXECUTE, 10, "e1", false, false);
        handler(HotplugPhase.EXECUTE, 20, "e2", false, false);
        faults.armHandler(HotplugOperation.ADD, HotplugPhase.EXECUTE, "e2");
        HotplugRequest request = request();

        assertThatThrownBy(() -> sequencer.run(request)).isInstanceOf(HotplugException.class);

        assertThat(calls).containsExactly("validate v", "execute e1", "rollback e1", "rollback v");
        assertThat(request.failure().errno()).isEqualTo(Errno.EAGAIN);
        assertThat(faults.armedHandler()).isEmpty();
        calls.clear();
        sequencer.run(request());
        assertThat(calls).containsExactly("validate v", "execute e1", "execute e2");
    }

    @Test
    void anArmedCommitHandlerIsLoggedAndTheOtherCommitHandlersStillRun() {
        handler(HotplugPhase.EXECUTE, 10, "e", false, false);
        handler(HotplugPhase.COMMIT, 10, "c1", false, false);
        handler(HotplugPhase.COMMIT, 20, "c2", false, false);
        faults.armHandler(HotplugOperation.ADD, HotplugPhase.COMMIT, "c1");
        HotplugRequest request = request();

        sequencer.run(request);

        assertThat(calls).containsExactly("execute e", "commit c2");
        assertThat(request.failure().errno()).isEqualTo(Errno.EAGAIN);
        assertThat(logged).anyMatch(line -> line.contains("commit handler c1 failed"));
    }

    @Test
    void aHandlerOfAnotherOperationIsNotFailed() {
        handler(HotplugPhase.EXECUTE, 10, "e", false, false);
        faults.armHandler(HotplugOperation.DELETE, HotplugPhase.EXECUTE, "e");

        sequencer.run(request());

        assertThat(calls).containsExactly("execute e");
        assertThat(faults.armedHandler()).isEqualTo("delete execute e");
    }
}

package org.hotplugemu.distribution.bench;

import java.util.concurrent.locks.LockSupport;

/** The floor under every engine: two virtual threads passing a turn with a volatile and park/unpark. */
final class JdkPingPong {
    private volatile int owner;
    private volatile Thread ping;
    private volatile Thread pong;

    private JdkPingPong() {
    }

    /** Returns the average wall-clock nanoseconds per handoff over about {@code handoffs} handoffs. */
    static double measure(int handoffs) {
        int rounds = Math.max(1, handoffs / 2);
        JdkPingPong turn = new JdkPingPong();
        turn.pong = Thread.ofVirtual().unstarted(() -> {
            for (int i = 0; i < rounds; i++) {
                turn.await(1);
                turn.pass(0, turn.ping);
            }
        });
        turn.ping = Thread.ofVirtual().unstarted(() -> {
            for (int i = 0; i < rounds; i++) {
                turn.pass(1, turn.pong);
                turn.await(0);
            }
        });
        long start = System.nanoTime();
        turn.pong.start();
        turn.ping.start();
        try {
            turn.ping.join();
            turn.pong.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while measuring the JDK handoff", e);
        }
        return (double) (System.nanoTime() - start) / (2L * rounds);
    }

    private void await(int me) {
        while (owner != me) {
            LockSupport.park(this);
        }
    }

    private void pass(int next, Thread thread) {
        owner = next;
        LockSupport.unpark(thread);
    }
}

package org.hotplugemu.core.engine;

import static java.util.Objects.requireNonNull;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A lockdep-lite for the emulated kernel ({@code CONFIG_PROVE_LOCKING}): the engine's mutexes,
 * rwsems and lock maps report each acquire and release here. It keeps a held-lock stack per emulated
 * task, learns lock classes and the order they are taken in ("B taken while A held" is the edge
 * A -> B, recorded with the emulated call chain), and reports in the kernel's words the first
 * acquire that closes a cycle ({@code possible circular locking dependency detected}) or takes a
 * class the task already holds ({@code possible recursive locking detected}). Like the kernel's, it
 * turns itself off after its first report. The kernel checks only the newest held lock against the
 * new one (the older ones were checked when the newer were taken), and so does this: an acquire
 * costs a scan of the task's few held locks and one bit test while nothing new is learnt.
 * Experimental.
 */
public final class Lockdep {
    /** Where made-up lock addresses start: the kernel's data section on x86_64. */
    private static final long FIRST_ADDRESS = 0xffffffff82a5c000L;

    /** Whether any engine in this JVM has had lockdep: until then call chains cost one static read. */
    static volatile boolean everEnabled;

    private final Object graph = new Object();
    /** Graph lock: every class by name. */
    private final Map<String, LockClass> classes = new HashMap<>();
    private long nextAddress = FIRST_ADDRESS;
    /** {@code debug_locks}: cleared by the first report. */
    private volatile boolean on = true;
    private volatile Consumer<String> sink = line -> {
    };
    private volatile LockdepReport.Style style = new LockdepReport.Style("", true);
    private volatile int reports;

    Lockdep() {
    }

    /**
     * Turns lockdep on for {@code engine} and returns it; only locks created afterwards are checked,
     * so call it before the machine creates any.
     */
    public static Lockdep enable(Engine engine) {
        if (!(engine instanceof EngineSupport support)) {
            throw new IllegalArgumentException("lockdep needs one of the project's engines, not " + engine);
        }
        Lockdep lockdep = new Lockdep();
        everEnabled = true;
        support.lockdep = lockdep;
        return lockdep;
    }

    /**
     * Sends reports to {@code sink}, one kernel log line per call, headed with {@code kernelIdent}
     * (e.g. {@code 6.1.0 #1 Not tainted}), with an x86 or arm64 style call trace.
     */
    public void attach(Consumer<String> sink, String kernelIdent, boolean x86CallTrace) {
        this.sink = requireNonNull(sink, "sink is null");
        this.style = new LockdepReport.Style(requireNonNull(kernelIdent, "kernelIdent is null"), x86CallTrace);
    }

    /** Returns whether it still checks ({@code debug_locks}); false after its first report. */
    public boolean active() {
        return on;
    }

    /** Returns how many reports it has made: 0 or 1, as it stops after the first. */
    public int reports() {
        return reports;
    }

    /** Registers a lock: its class is shared by every lock of that name. */
    LockInstance register(String name, LockClass.Kind kind) {
        synchronized (graph) {
            LockClass lockClass = classes.computeIfAbsent(name, key -> new LockClass(key, classes.size(), kind));
            LockInstance instance = new LockInstance(lockClass, nextAddress);
            nextAddress += 0x40;
            return instance;
        }
    }

    /**
     * Validates that {@code self} may take {@code lock} now and pushes it on its held stack; called
     * before the lock blocks, as {@code lock_acquire} is. {@code function} is the locking function
     * ({@code mutex_lock}), or null for a lock map.
     */
    void acquire(Task self, LockInstance lock, boolean read, String function) {
        if (!on) {
            return;
        }
        LockClass next = lock.lockClass();
        markUsed(self, next, read);
        HeldLock held = new HeldLock(lock, read, false, CallChain.innermost(self));
        HeldLock[] stack = self.heldLocks;
        for (int i = self.heldDepth - 1; i >= 0; i--) {
            if (stack[i].lock().lockClass() == next) {
                report(self, LockdepReport.recursive(self, stack[i], held, trace(self, function), style));
                return;
            }
        }
        // As check_prevs_add: an edge from the newest held lock, and past it while that one was a trylock.
        for (int i = self.heldDepth - 1; i >= 0; i--) {
            HeldLock prev = stack[i];
            if (!prev.lock().lockClass().hasAfter(next) && !addDependency(self, prev, held, function)) {
                return;
            }
            if (!prev.trylock()) {
                break;
            }
        }
        push(self, held);
    }

    /** Records a successful trylock: held, but no dependency is learnt from it. */
    void tryAcquired(Task self, LockInstance lock, boolean read) {
        if (!on) {
            return;
        }
        markUsed(self, lock.lockClass(), read);
        push(self, new HeldLock(lock, read, true, CallChain.innermost(self)));
    }

    /** Pops {@code lock} from {@code self}'s held stack, wherever it is (locks need not be released in order). */
    void release(Task self, LockInstance lock) {
        if (!on) {
            return;
        }
        HeldLock[] stack = self.heldLocks;
        for (int i = self.heldDepth - 1; i >= 0; i--) {
            if (stack[i].lock() == lock) {
                System.arraycopy(stack, i + 1, stack, i, self.heldDepth - i - 1);
                stack[--self.heldDepth] = null;
                return;
            }
        }
    }

    private static void markUsed(Task self, LockClass lockClass, boolean read) {
        if (self.atomicDepth > 0) {
            return;
        }
        if (read ? !lockClass.enabledRead : !lockClass.enabledWrite) {
            if (read) {
                lockClass.enabledRead = true;
            } else {
                lockClass.enabledWrite = true;
            }
        }
    }

    private static void push(Task self, HeldLock held) {
        HeldLock[] stack = self.heldLocks;
        if (stack == null) {
            stack = new HeldLock[4];
        } else if (self.heldDepth == stack.length) {
            stack = java.util.Arrays.copyOf(stack, stack.length * 2);
        }
        stack[self.heldDepth++] = held;
        self.heldLocks = stack;
    }

    /** Learns prev -> next unless next already leads back to prev; returns false after a report. */
    private boolean addDependency(Task self, HeldLock prev, HeldLock next, String function) {
        LockClass from = prev.lock().lockClass();
        LockClass to = next.lock().lockClass();
        List<String> trace = trace(self, function);
        synchronized (graph) {
            if (!on) {
                return false;
            }
            if (from.hasAfter(to)) {
                return true;
            }
            List<Dependency> path = shortestPath(to, from);
            if (path != null) {
                report(self, LockdepReport.circular(self, next, prev, path, trace, style));
                return false;
            }
            from.addAfter(new Dependency(to, trace));
            return true;
        }
    }

    /** Breadth-first, as lockdep's {@code __bfs_forwards}: the shortest chain of edges from {@code source} to {@code target}. */
    private static List<Dependency> shortestPath(LockClass source, LockClass target) {
        Map<LockClass, Dependency> reachedBy = new HashMap<>();
        Map<LockClass, LockClass> parent = new HashMap<>();
        ArrayDeque<LockClass> queue = new ArrayDeque<>();
        queue.add(source);
        parent.put(source, null);
        while (!queue.isEmpty()) {
            LockClass at = queue.poll();
            for (Dependency dependency : at.after) {
                LockClass to = dependency.to();
                if (parent.containsKey(to)) {
                    continue;
                }
                parent.put(to, at);
                reachedBy.put(to, dependency);
                if (to == target) {
                    List<Dependency> path = new ArrayList<>();
                    for (LockClass step = to; step != source; step = parent.get(step)) {
                        path.add(0, reachedBy.get(step));
                    }
                    return path;
                }
                queue.add(to);
            }
        }
        return null;
    }

    /** The locking function, then the task's emulated call chain, innermost first. */
    private static List<String> trace(Task self, String function) {
        List<String> trace = new ArrayList<>(self.frameDepth + 1);
        if (function != null) {
            trace.add(function);
        }
        for (int i = self.frameDepth - 1; i >= 0; i--) {
            trace.add(self.frames[i]);
        }
        return trace;
    }

    private void report(Task self, List<String> lines) {
        synchronized (graph) {
            if (!on) {
                return;
            }
            on = false; // debug_locks_off(): one report, then the validator stays quiet
            reports++;
        }
        Consumer<String> out = sink;
        for (String line : lines) {
            out.accept(line);
        }
    }
}

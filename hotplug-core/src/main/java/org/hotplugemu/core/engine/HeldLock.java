package org.hotplugemu.core.engine;

/**
 * One entry of a task's held-lock stack ({@code struct held_lock}).
 *
 * @param lock the lock instance
 * @param read taken for read
 * @param trylock taken by a trylock, which adds no dependency of its own
 * @param at the emulated function that took it
 */
record HeldLock(LockInstance lock, boolean read, boolean trylock, String at) {
}

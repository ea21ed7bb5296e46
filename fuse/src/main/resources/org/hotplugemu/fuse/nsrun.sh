# Runs inside `unshare --mount --propagation private`: nothing mounted here reaches the host.
# $1: the emulator's FUSE root; $2: file to create once every bind mount is checked; then CMD ARG...
root=$1
marker=$2
shift 2

fail() {
    echo "hotplug-emu: nsrun: $*; not running the command" >&2
    exit 2
}

[ "$(findmnt -n -o FSTYPE --mountpoint "$root")" = fuse.hotplug-emu ] \
    || fail "$root is not the emulator's FUSE mount"
for target in /sys/devices/system/cpu /proc/cpuinfo /sys/kernel/tracing /sys/kernel/debug; do
    case $target in
        /sys/kernel/*) [ -d "$target" ] || continue ;;
    esac
    mount -n --bind "$root$target" "$target" || fail "cannot bind $root$target over $target"
    # The same device and inode as the emulator's file: the host's file is hidden, not used.
    [ "$(stat -L -c %d:%i "$target")" = "$(stat -L -c %d:%i "$root$target")" ] \
        || fail "$target is not the emulator's after the bind mount"
done
: > "$marker" || fail "cannot record the checked mounts in $marker"
HOTPLUG_EMU_ROOT=$root
export HOTPLUG_EMU_ROOT
exec "$@"

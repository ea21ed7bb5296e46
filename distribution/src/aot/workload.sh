# The shell part of the workload the class-data archive is made from when the distribution is
# packaged (ClassDataTraining also runs states, plugins and boot): sysfs reads and writes,
# tracing, the kernel log.
ls /sys/devices/system/cpu
cat /sys/devices/system/cpu/online
echo 1 > /sys/kernel/tracing/events/cpuhp/enable
echo 0 > /sys/devices/system/cpu/cpu1/online
echo 1 > /sys/devices/system/cpu/cpu1/online
cat /sys/devices/system/cpu/hotplug/states
cat /sys/kernel/tracing/trace
dmesg

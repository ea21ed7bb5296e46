/**
 * The stock drivers: found by ServiceLoader; they use the plugin API only. Their packages go to the
 * distribution alone, which makes a fresh instance of each driver class per machine (explore, bench).
 */
module org.hotplugemu.drivers {
    requires org.hotplugemu.api;
    requires static com.google.auto.service;

    exports org.hotplugemu.drivers.arm64 to org.hotplugemu.distribution;
    exports org.hotplugemu.drivers.base to org.hotplugemu.distribution;
    exports org.hotplugemu.drivers.block to org.hotplugemu.distribution;
    exports org.hotplugemu.drivers.cacheinfo to org.hotplugemu.distribution;
    exports org.hotplugemu.drivers.fs to org.hotplugemu.distribution;
    exports org.hotplugemu.drivers.iommu to org.hotplugemu.distribution;
    exports org.hotplugemu.drivers.iouring to org.hotplugemu.distribution;
    exports org.hotplugemu.drivers.irq to org.hotplugemu.distribution;
    exports org.hotplugemu.drivers.leds to org.hotplugemu.distribution;
    exports org.hotplugemu.drivers.lib to org.hotplugemu.distribution;
    exports org.hotplugemu.drivers.load to org.hotplugemu.distribution;
    exports org.hotplugemu.drivers.mm to org.hotplugemu.distribution;
    exports org.hotplugemu.drivers.net to org.hotplugemu.distribution;
    exports org.hotplugemu.drivers.padata to org.hotplugemu.distribution;
    exports org.hotplugemu.drivers.perf to org.hotplugemu.distribution;
    exports org.hotplugemu.drivers.printk to org.hotplugemu.distribution;
    exports org.hotplugemu.drivers.random to org.hotplugemu.distribution;
    exports org.hotplugemu.drivers.rcu to org.hotplugemu.distribution;
    exports org.hotplugemu.drivers.relay to org.hotplugemu.distribution;
    exports org.hotplugemu.drivers.smp to org.hotplugemu.distribution;
    exports org.hotplugemu.drivers.softirq to org.hotplugemu.distribution;
    exports org.hotplugemu.drivers.timers to org.hotplugemu.distribution;
    exports org.hotplugemu.drivers.trace to org.hotplugemu.distribution;
    exports org.hotplugemu.drivers.watchdog to org.hotplugemu.distribution;
    exports org.hotplugemu.drivers.workqueue to org.hotplugemu.distribution;
    exports org.hotplugemu.drivers.x86 to org.hotplugemu.distribution;

    provides org.hotplugemu.api.driver.HotplugDriver with
            org.hotplugemu.drivers.arm64.ArchTimerDriver,
            org.hotplugemu.drivers.arm64.CpuCapacityDriver,
            org.hotplugemu.drivers.arm64.CpuinfoDriver,
            org.hotplugemu.drivers.arm64.DebugMonitorsDriver,
            org.hotplugemu.drivers.arm64.DummyTimerDriver,
            org.hotplugemu.drivers.arm64.FpsimdDriver,
            org.hotplugemu.drivers.arm64.GicDriver,
            org.hotplugemu.drivers.arm64.HwBreakpointDriver,
            org.hotplugemu.drivers.arm64.InsnEmulationDriver,
            org.hotplugemu.drivers.base.TopologyDriver,
            org.hotplugemu.drivers.block.BioDriver,
            org.hotplugemu.drivers.block.BlockMqDriver,
            org.hotplugemu.drivers.block.BlockSoftirqDriver,
            org.hotplugemu.drivers.block.IrqPollDriver,
            org.hotplugemu.drivers.cacheinfo.CacheinfoDriver,
            org.hotplugemu.drivers.fs.BufferDriver,
            org.hotplugemu.drivers.iommu.IovaDriver,
            org.hotplugemu.drivers.iouring.IoWqDriver,
            org.hotplugemu.drivers.irq.IrqAffinityDriver,
            org.hotplugemu.drivers.leds.LedTriggerDriver,
            org.hotplugemu.drivers.lib.PercpuCounterDriver,
            org.hotplugemu.drivers.lib.RadixTreeDriver,
            org.hotplugemu.drivers.load.LoadDriver,
            org.hotplugemu.drivers.mm.CompactionDriver,
            org.hotplugemu.drivers.mm.MemcgDriver,
            org.hotplugemu.drivers.mm.PageAllocDriver,
            org.hotplugemu.drivers.mm.SlabDriver,
            org.hotplugemu.drivers.mm.SlubDriver,
            org.hotplugemu.drivers.mm.VmStackCacheDriver,
            org.hotplugemu.drivers.mm.VmstatDriver,
            org.hotplugemu.drivers.mm.WritebackDriver,
            org.hotplugemu.drivers.mm.ZsmallocDriver,
            org.hotplugemu.drivers.mm.ZswapDriver,
            org.hotplugemu.drivers.net.NetDevDriver,
            org.hotplugemu.drivers.padata.PadataDriver,
            org.hotplugemu.drivers.perf.ArmPmuDriver,
            org.hotplugemu.drivers.perf.PerfEventDriver,
            org.hotplugemu.drivers.perf.UncorePmuDriver,
            org.hotplugemu.drivers.printk.PrintkDriver,
            org.hotplugemu.drivers.random.RandomDriver,
            org.hotplugemu.drivers.rcu.RcuDriver,
            org.hotplugemu.drivers.relay.RelayDriver,
            org.hotplugemu.drivers.smp.SmpCallFunctionDriver,
            org.hotplugemu.drivers.softirq.SoftirqDriver,
            org.hotplugemu.drivers.timers.TimersDriver,
            org.hotplugemu.drivers.timers.TmigrDriver,
            org.hotplugemu.drivers.trace.RingBufferDriver,
            org.hotplugemu.drivers.watchdog.LockupDetectorDriver,
            org.hotplugemu.drivers.workqueue.WorkqueueDriver,
            org.hotplugemu.drivers.x86.AcpiProcessorDriver,
            org.hotplugemu.drivers.x86.CacheCtrlDriver,
            org.hotplugemu.drivers.x86.CrashHotplugDriver,
            org.hotplugemu.drivers.x86.MceDriver;
}

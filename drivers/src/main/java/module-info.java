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

    provides org.hotplugemu.api.driver.HotplugDriverProvider with
            org.hotplugemu.drivers.arm64.ArchTimerDriverProvider,
            org.hotplugemu.drivers.arm64.CpuCapacityDriverProvider,
            org.hotplugemu.drivers.arm64.CpuinfoDriverProvider,
            org.hotplugemu.drivers.arm64.DebugMonitorsDriverProvider,
            org.hotplugemu.drivers.arm64.DummyTimerDriverProvider,
            org.hotplugemu.drivers.arm64.FpsimdDriverProvider,
            org.hotplugemu.drivers.arm64.GicDriverProvider,
            org.hotplugemu.drivers.arm64.HwBreakpointDriverProvider,
            org.hotplugemu.drivers.arm64.InsnEmulationDriverProvider,
            org.hotplugemu.drivers.base.TopologyDriverProvider,
            org.hotplugemu.drivers.block.BioDriverProvider,
            org.hotplugemu.drivers.block.BlockMqDriverProvider,
            org.hotplugemu.drivers.block.BlockSoftirqDriverProvider,
            org.hotplugemu.drivers.block.IrqPollDriverProvider,
            org.hotplugemu.drivers.cacheinfo.CacheinfoDriverProvider,
            org.hotplugemu.drivers.fs.BufferDriverProvider,
            org.hotplugemu.drivers.iommu.IovaDriverProvider,
            org.hotplugemu.drivers.iouring.IoWqDriverProvider,
            org.hotplugemu.drivers.irq.IrqAffinityDriverProvider,
            org.hotplugemu.drivers.leds.LedTriggerDriverProvider,
            org.hotplugemu.drivers.lib.PercpuCounterDriverProvider,
            org.hotplugemu.drivers.lib.RadixTreeDriverProvider,
            org.hotplugemu.drivers.load.LoadDriverProvider,
            org.hotplugemu.drivers.mm.CompactionDriverProvider,
            org.hotplugemu.drivers.mm.MemcgDriverProvider,
            org.hotplugemu.drivers.mm.PageAllocDriverProvider,
            org.hotplugemu.drivers.mm.SlabDriverProvider,
            org.hotplugemu.drivers.mm.SlubDriverProvider,
            org.hotplugemu.drivers.mm.VmStackCacheDriverProvider,
            org.hotplugemu.drivers.mm.VmstatDriverProvider,
            org.hotplugemu.drivers.mm.WritebackDriverProvider,
            org.hotplugemu.drivers.mm.ZsmallocDriverProvider,
            org.hotplugemu.drivers.mm.ZswapDriverProvider,
            org.hotplugemu.drivers.net.NetDevDriverProvider,
            org.hotplugemu.drivers.padata.PadataDriverProvider,
            org.hotplugemu.drivers.perf.ArmPmuDriverProvider,
            org.hotplugemu.drivers.perf.PerfEventDriverProvider,
            org.hotplugemu.drivers.perf.UncorePmuDriverProvider,
            org.hotplugemu.drivers.printk.PrintkDriverProvider,
            org.hotplugemu.drivers.random.RandomDriverProvider,
            org.hotplugemu.drivers.rcu.RcuDriverProvider,
            org.hotplugemu.drivers.relay.RelayDriverProvider,
            org.hotplugemu.drivers.smp.SmpCallFunctionDriverProvider,
            org.hotplugemu.drivers.softirq.SoftirqDriverProvider,
            org.hotplugemu.drivers.timers.TimersDriverProvider,
            org.hotplugemu.drivers.timers.TmigrDriverProvider,
            org.hotplugemu.drivers.trace.RingBufferDriverProvider,
            org.hotplugemu.drivers.watchdog.LockupDetectorDriverProvider,
            org.hotplugemu.drivers.workqueue.WorkqueueDriverProvider,
            org.hotplugemu.drivers.x86.AcpiProcessorDriverProvider,
            org.hotplugemu.drivers.x86.CacheCtrlDriverProvider,
            org.hotplugemu.drivers.x86.CrashHotplugDriverProvider,
            org.hotplugemu.drivers.x86.MceDriverProvider;
}

package org.hotplugemu.drivers;

import java.util.List;
import java.util.stream.Stream;
import org.hotplugemu.api.driver.HotplugDriver;
import org.hotplugemu.drivers.arm64.ArchTimerDriver;
import org.hotplugemu.drivers.arm64.CpuCapacityDriver;
import org.hotplugemu.drivers.arm64.CpuinfoDriver;
import org.hotplugemu.drivers.arm64.DebugMonitorsDriver;
import org.hotplugemu.drivers.arm64.DummyTimerDriver;
import org.hotplugemu.drivers.arm64.FpsimdDriver;
import org.hotplugemu.drivers.arm64.GicDriver;
import org.hotplugemu.drivers.arm64.HwBreakpointDriver;
import org.hotplugemu.drivers.arm64.InsnEmulationDriver;
import org.hotplugemu.drivers.base.TopologyDriver;
import org.hotplugemu.drivers.block.BioDriver;
import org.hotplugemu.drivers.block.BlockMqDriver;
import org.hotplugemu.drivers.block.BlockSoftirqDriver;
import org.hotplugemu.drivers.block.IrqPollDriver;
import org.hotplugemu.drivers.cacheinfo.CacheinfoDriver;
import org.hotplugemu.drivers.fs.BufferDriver;
import org.hotplugemu.drivers.iommu.IovaDriver;
import org.hotplugemu.drivers.iouring.IoWqDriver;
import org.hotplugemu.drivers.irq.IrqAffinityDriver;
import org.hotplugemu.drivers.leds.LedTriggerDriver;
import org.hotplugemu.drivers.lib.PercpuCounterDriver;
import org.hotplugemu.drivers.lib.RadixTreeDriver;
import org.hotplugemu.drivers.load.LoadDriver;
import org.hotplugemu.drivers.mm.CompactionDriver;
import org.hotplugemu.drivers.mm.MemcgDriver;
import org.hotplugemu.drivers.mm.PageAllocDriver;
import org.hotplugemu.drivers.mm.SlabDriver;
import org.hotplugemu.drivers.mm.SlubDriver;
import org.hotplugemu.drivers.mm.VmStackCacheDriver;
import org.hotplugemu.drivers.mm.VmstatDriver;
import org.hotplugemu.drivers.mm.WritebackDriver;
import org.hotplugemu.drivers.mm.ZsmallocDriver;
import org.hotplugemu.drivers.mm.ZswapDriver;
import org.hotplugemu.drivers.net.NetDevDriver;
import org.hotplugemu.drivers.padata.PadataDriver;
import org.hotplugemu.drivers.perf.ArmPmuDriver;
import org.hotplugemu.drivers.perf.PerfEventDriver;
import org.hotplugemu.drivers.perf.UncorePmuDriver;
import org.hotplugemu.drivers.printk.PrintkDriver;
import org.hotplugemu.drivers.random.RandomDriver;
import org.hotplugemu.drivers.rcu.RcuDriver;
import org.hotplugemu.drivers.relay.RelayDriver;
import org.hotplugemu.drivers.smp.SmpCallFunctionDriver;
import org.hotplugemu.drivers.softirq.SoftirqDriver;
import org.hotplugemu.drivers.timers.TimersDriver;
import org.hotplugemu.drivers.timers.TmigrDriver;
import org.hotplugemu.drivers.trace.RingBufferDriver;
import org.hotplugemu.drivers.watchdog.LockupDetectorDriver;
import org.hotplugemu.drivers.workqueue.WorkqueueDriver;
import org.hotplugemu.drivers.x86.AcpiProcessorDriver;
import org.hotplugemu.drivers.x86.CacheCtrlDriver;
import org.hotplugemu.drivers.x86.CrashHotplugDriver;
import org.hotplugemu.drivers.x86.MceDriver;

/**
 * The stock drivers, new instances on each call (a driver object belongs to one machine), in
 * registration order: ascending {@link HotplugDriver#order()}, then name. Their orders follow the
 * reference boot, so the dynamic states take slots 201.. in the kernel's order.
 *
 * <p>Every stock driver is also declared with {@code @AutoService}; a host either loads them with
 * {@link java.util.ServiceLoader} or uses this list, not both.
 */
public final class StockDrivers {
    private StockDrivers() {
    }

    /** Returns every stock driver, for all architectures, in registration order. */
    public static List<HotplugDriver> all() {
        return Stream.<HotplugDriver>of(
                        new PerfEventDriver(), new WorkqueueDriver(), new RcuDriver(), new TimersDriver(),
                        new SoftirqDriver(), new RandomDriver(), new SmpCallFunctionDriver(), new RelayDriver(),
                        new SlabDriver(), new IrqAffinityDriver(), new LockupDetectorDriver(), new SlubDriver(),
                        new PageAllocDriver(), new MemcgDriver(), new RadixTreeDriver(), new NetDevDriver(),
                        new BufferDriver(), new IrqPollDriver(), new BlockSoftirqDriver(), new BioDriver(),
                        new BlockMqDriver(), new IovaDriver(), new TopologyDriver(), new RingBufferDriver(),
                        new ZswapDriver(), new VmStackCacheDriver(), new FpsimdDriver(), new GicDriver(),
                        new DebugMonitorsDriver(), new HwBreakpointDriver(), new CacheinfoDriver(),
                        new ArchTimerDriver(), new DummyTimerDriver(), new InsnEmulationDriver(),
                        new UncorePmuDriver(), new ArmPmuDriver(), new WritebackDriver(), new VmstatDriver(),
                        new PadataDriver(), new CompactionDriver(), new IoWqDriver(), new CpuinfoDriver(),
                        new PercpuCounterDriver(), new AcpiProcessorDriver(), new LedTriggerDriver(),
                        new MceDriver(), new PrintkDriver(), new LoadDriver(), new ZsmallocDriver(), new TmigrDriver(),
                        new CacheCtrlDriver(), new CrashHotplugDriver(), new CpuCapacityDriver())
                .sorted(HotplugDriver.REGISTRATION_ORDER)
                .toList();
    }

    /** Returns the stock drivers that exist on {@code architecture}, in registration order. */
    public static List<HotplugDriver> forArchitecture(String architecture) {
        return all().stream().filter(driver -> driver.appliesTo(architecture)).toList();
    }
}

package org.hotplugemu.drivers.perf;

import org.hotplugemu.drivers.support.SimpleStateDriver;
import org.hotplugemu.drivers.support.StateSpec;

/**
 * Models uncore PMUs of HiSilicon and Qualcomm SoCs: one instance per PMU device (none on the reference machine), with the kernel's state names and callback symbols.
 */
public final class UncorePmuDriver extends SimpleStateDriver {
    public UncorePmuDriver() {
        super("arm_uncore_pmu", 440, only("arm64"),
                StateSpec.multi("CPUHP_AP_PERF_ARM_HISI_CPA_ONLINE", "AP_PERF_ARM_HISI_CPA_ONLINE", "hisi_uncore_pmu_online_cpu", "hisi_uncore_pmu_offline_cpu"),
                StateSpec.multi("CPUHP_AP_PERF_ARM_HISI_DDRC_ONLINE", "AP_PERF_ARM_HISI_DDRC_ONLINE", "hisi_uncore_pmu_online_cpu", "hisi_uncore_pmu_offline_cpu"),
                StateSpec.multi("CPUHP_AP_PERF_ARM_HISI_HHA_ONLINE", "AP_PERF_ARM_HISI_HHA_ONLINE", "hisi_uncore_pmu_online_cpu", "hisi_uncore_pmu_offline_cpu"),
                StateSpec.multi("CPUHP_AP_PERF_ARM_HISI_L3_ONLINE", "AP_PERF_ARM_HISI_L3_ONLINE", "hisi_uncore_pmu_online_cpu", "hisi_uncore_pmu_offline_cpu"),
                StateSpec.multi("CPUHP_AP_PERF_ARM_HISI_PA_ONLINE", "AP_PERF_ARM_HISI_PA_ONLINE", "hisi_uncore_pmu_online_cpu", "hisi_uncore_pmu_offline_cpu"),
                StateSpec.multi("CPUHP_AP_PERF_ARM_HISI_SLLC_ONLINE", "AP_PERF_ARM_HISI_SLLC_ONLINE", "hisi_uncore_pmu_online_cpu", "hisi_uncore_pmu_offline_cpu"),
                StateSpec.multi("CPUHP_AP_PERF_ARM_QCOM_L2_ONLINE", "AP_PERF_ARM_QCOM_L2_ONLINE", "l2cache_pmu_online_cpu", "l2cache_pmu_offline_cpu"),
                StateSpec.multi("CPUHP_AP_PERF_ARM_QCOM_L3_ONLINE", "perf/qcom/l3cache:online", "qcom_l3_cache_pmu_online_cpu", "qcom_l3_cache_pmu_offline_cpu"),
                // 6.12's HiSilicon uncore "UC" PMU takes a dynamic slot (6.9+, told apart by CPUHP_AP_TMIGR_ONLINE).
                StateSpec.multi("CPUHP_AP_ONLINE_DYN", "perf/hisi/uc:online", "hisi_uncore_pmu_online_cpu", "hisi_uncore_pmu_offline_cpu")
                        .when("CPUHP_AP_TMIGR_ONLINE"));
    }
}

package org.hotplugemu.distribution.explore;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ExploreSmokeTest {
    @Test
    void smoke() {
        long start = System.nanoTime();
        ExploreReport report = new Campaign(TestingSources.stock("x86", 4), 0, new Campaign.Options(3, 40, 1, 1, Optional.empty()))
                .run(total -> done -> { });
        report.print(System.out);
        System.out.println("wall ms " + (System.nanoTime() - start) / 1_000_000);
    }
}

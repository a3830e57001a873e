package org.aidline.api.casework;

import org.aidline.intake.background.DispatchLoop;
import org.aidline.intake.background.LoopLifecycle;
import org.aidline.intake.casework.CaseClosure;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.core.publisher.Flux;

/**
 * Closes, every period, the cases that are done but were not closed when they became so (an
 * instance stopped in between). Every instance sweeps; a case is closed once, by the statement
 * guarded by its version.
 */
@Configuration(proxyBeanMethods = false)
public class CaseClosureSweepConfiguration {

    @Bean
    SmartLifecycle caseClosureSweep(CaseClosure closure, CaseworkProperties properties) {
        return new LoopLifecycle(properties.closureSweepEnabled()
                ? new DispatchLoop("Closing done cases", () -> closure.closeAllDone(properties.closureSweepPageSize()).count().map(Long::intValue),
                        Flux.never(), properties.closureSweepPeriod())
                : null);
    }
}

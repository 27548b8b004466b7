package org.batchledger.hub.workflow;

import java.time.Clock;
import org.batchledger.lineage.workflow.CapaWorkflows;
import org.batchledger.lineage.workflow.ChangeControlWorkflows;
import org.batchledger.lineage.workflow.DeviationWorkflow;
import org.batchledger.lineage.workflow.DeviationWorkflows;
import org.batchledger.lineage.workflow.EquipmentCareWorkflows;
import org.batchledger.lineage.write.LedgeredWrite;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The deviation, CAPA, change-control, cleaning and calibration workflows, read at start (a bad workflow file stops
 * it), over the unit of work.
 */
@Configuration(proxyBeanMethods = false)
class WorkflowConfiguration {
    @Bean
    DeviationWorkflows deviationWorkflows(LedgeredWrite unitOfWork, WorkflowProperties props,
                                          ObjectProvider<Clock> clock) {
        return new DeviationWorkflows(unitOfWork, DeviationWorkflow.defaults(), props.reauthenticationWindow(),
                clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    CapaWorkflows capaWorkflows(LedgeredWrite unitOfWork, WorkflowProperties props, ObjectProvider<Clock> clock) {
        return new CapaWorkflows(unitOfWork, CapaWorkflows.defaults(), props.reauthenticationWindow(),
                clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    ChangeControlWorkflows changeControlWorkflows(LedgeredWrite unitOfWork, WorkflowProperties props,
                                                  ObjectProvider<Clock> clock) {
        return new ChangeControlWorkflows(unitOfWork, ChangeControlWorkflows.defaults(),
                props.reauthenticationWindow(), clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    EquipmentCareWorkflows equipmentCareWorkflows(LedgeredWrite unitOfWork, WorkflowProperties props,
                                                  ObjectProvider<Clock> clock) {
        return EquipmentCareWorkflows.defaults(unitOfWork, props.reauthenticationWindow(),
                clock.getIfAvailable(Clock::systemUTC));
    }
}

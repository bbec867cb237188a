package org.gridcase.notification;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandler;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandlerConfiguration;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.persistence.entity.MessageEntity;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Sending a delivery is a Camunda job (a message job of gridcase's own type, configured with the delivery's id):
 * it is inserted in the transaction that stores the message, so it exists exactly when the message does, survives
 * a crash, is locked by one node of a cluster and waits for its due date (a route's notBefore, a retry's back-off).
 * No scheduler of gridcase's own, no second queue.
 */
@Component
class DeliveryJobs extends AbstractProcessEnginePlugin {

    static final String TYPE = "gridcase-notification-delivery";

    private final ObjectProvider<Deliveries> deliveries;
    private ProcessEngineConfigurationImpl configuration;

    DeliveryJobs(ObjectProvider<Deliveries> deliveries) {
        this.deliveries = deliveries;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        this.configuration = configuration;
        if (configuration.getCustomJobHandlers() == null) {
            configuration.setCustomJobHandlers(new ArrayList<>());
        }
        configuration.getCustomJobHandlers().add(new Handler());
    }

    /**
     * Adds the job that sends a delivery at {@code due}. Joins the caller's transaction: the engine's command
     * context when called from an engine step or job, otherwise the Spring transaction (the engine's
     * transaction interceptor joins it) - the job is committed or rolled back with the message.
     */
    void schedule(long deliveryId, Instant due) {
        configuration.getCommandExecutorTxRequired().execute(context -> {
            schedule(context, deliveryId, due);
            return null;
        });
    }

    static void schedule(CommandContext context, long deliveryId, Instant due) {
        MessageEntity job = new MessageEntity();
        job.setJobHandlerType(TYPE);
        job.setJobHandlerConfigurationRaw(Long.toString(deliveryId));
        job.setDuedate(Date.from(due));
        context.getJobManager().send(job);
    }

    record DeliveryId(long id) implements JobHandlerConfiguration {

        @Override
        public String toCanonicalString() {
            return Long.toString(id);
        }
    }

    private final class Handler implements JobHandler<DeliveryId> {

        @Override
        public String getType() {
            return TYPE;
        }

        @Override
        public void execute(DeliveryId delivery, ExecutionEntity execution, CommandContext context, String tenantId) {
            deliveries.getObject().attempt(delivery.id(), context);
        }

        @Override
        public DeliveryId newConfiguration(String canonicalString) {
            return new DeliveryId(Long.parseLong(canonicalString));
        }

        @Override
        public void onDelete(DeliveryId configuration, JobEntity job) {
            // the delivery row keeps its own state; nothing else belongs to the job
        }
    }
}

package org.gridcase.security;

import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.cmd.DeployCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.impl.repository.DeploymentBuilderImpl;
import org.springframework.util.ReflectionUtils;

/**
 * Refuses a deployment whose XML (BPMN, DMN, CMMN) declares a DOCTYPE, before any parser sees it: a DOCTYPE is
 * how entity-expansion and external-entity attacks begin, models never need one, and the engine's own refusal
 * comes back as a 500 naming parser classes instead of a 400 that says which file is wrong.
 */
class ModelXmlGuard extends CommandInterceptor {

    private static final Field BUILDER = ReflectionUtils.findField(DeployCmd.class, "deploymentBuilder");

    static {
        if (BUILDER == null) {
            throw new IllegalStateException("Camunda's DeployCmd has no field deploymentBuilder");
        }
        ReflectionUtils.makeAccessible(BUILDER);
    }

    @Override
    public <T> T execute(Command<T> command) {
        if (command instanceof DeployCmd deploy) {
            DeploymentBuilderImpl builder = (DeploymentBuilderImpl) ReflectionUtils.getField(BUILDER, deploy);
            Map<String, ResourceEntity> resources = builder.getDeployment().getResources();
            if (resources != null) {
                resources.values().forEach(ModelXmlGuard::refuseDoctype);
            }
        }
        return next.execute(command);
    }

    private static void refuseDoctype(ResourceEntity resource) {
        String name = resource.getName() == null ? "" : resource.getName().toLowerCase(Locale.ROOT);
        boolean xml = name.endsWith(".bpmn") || name.endsWith(".bpmn20.xml") || name.endsWith(".dmn")
                || name.endsWith(".dmn11.xml") || name.endsWith(".cmmn") || name.endsWith(".xml");
        if (xml && resource.getBytes() != null && new String(resource.getBytes(), StandardCharsets.UTF_8)
                .toUpperCase(Locale.ROOT).contains("<!DOCTYPE")) {
            throw new BadUserRequestException("部署文件 " + resource.getName() + " 含有 DOCTYPE 声明，不予接受：模型文件不需要它");
        }
    }
}

package org.gridcase.security;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A task is completed, and a case opened from the Tasklist, with the fields of its form and nothing else. Camunda
 * writes every variable a completion sends into the case (where the case already holds one of that name, over it),
 * and checks none of them against the task's Camunda Form: a department checking in could have sent
 * {@code leadDepartment} and made another department the lead. On both REST roots of the engine, a completion, form
 * submission or resolution of a task whose form is deployed may send only the variables the form's fields write (a
 * field's key; a list's or group's path), and is refused with a 400 that names the others before the engine sees
 * it. What the Tasklist submits is always within them. The same holds for starting a process whose start form is
 * deployed (the hotline's 网格诉求处置): the report's fields only, not a variable the case's own steps set.
 *
 * <p>A task or process that does not exist is left to Camunda to answer. The filter runs before Camunda
 * authenticates the caller, so it reads the task and its form without the caller's authorizations, and tells a
 * caller who may not see the task no more than which variables that task's form does not have.
 */
class FormFields extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(FormFields.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern COMPLETION = Pattern.compile("/task/([^/]+)/(?:complete|submit-form|resolve)$");
    private static final Pattern START = Pattern.compile("/process-definition/(key/)?([^/]+)/(?:start|submit-form)$");

    private final TaskService tasks;
    private final RepositoryService repository;
    private final FormService forms;

    FormFields(TaskService tasks, RepositoryService repository, FormService forms) {
        this.tasks = tasks;
        this.repository = repository;
        this.forms = forms;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || !COMPLETION.matcher(request.getRequestURI()).find()
                && !START.matcher(request.getRequestURI()).find();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String type = request.getContentType();
        if (type == null || !type.toLowerCase(Locale.ROOT).contains("json")) {
            chain.doFilter(request, response);
            return;
        }
        byte[] body = request.getInputStream().readAllBytes();
        Matcher task = COMPLETION.matcher(request.getRequestURI());
        Matcher start = START.matcher(request.getRequestURI());
        boolean completion = task.find();
        List<String> sent = variablesIn(body);
        // the form is looked up only when the request sends variables: a plain completion costs nothing more
        Set<String> fields = sent.isEmpty() ? null : completion ? fieldsOfTask(task.group(1))
                : start.find() ? fieldsOfStart(start.group(1) != null, start.group(2)) : null;
        List<String> foreign = fields == null ? List.of() : sent.stream().filter(name -> !fields.contains(name)).toList();
        if (!foreign.isEmpty()) {
            log.info("{} refused: {} not on its form", request.getRequestURI(), foreign);
            EngineErrorBodies.write(response, HttpServletResponse.SC_BAD_REQUEST, "提交的变量 " + String.join("、", foreign)
                    + (completion ? " 不是此任务表单的字段" : " 不是发起表单的字段") + "，请只提交表单中的内容");
            return;
        }
        chain.doFilter(new CachedBodyRequest(request, body), response);
    }

    /** The names of the variables the body sends; none for a body that is not JSON or sends none. */
    private static List<String> variablesIn(byte[] body) {
        JsonNode request;
        try {
            request = JSON.readTree(body);
        } catch (IOException notJson) {
            return List.of(); // Camunda answers a malformed body with its own 400
        }
        List<String> names = new ArrayList<>();
        if (request != null) {
            request.path("variables").fieldNames().forEachRemaining(names::add);
        }
        return names;
    }

    /** The variables the task's deployed form writes, or null when there is no such task or form to read. */
    private Set<String> fieldsOfTask(String taskId) {
        Task task = tasks.createTaskQuery().taskId(taskId).initializeFormKeys().singleResult();
        if (task == null || task.getCamundaFormRef() == null) {
            return null; // gone (Camunda answers 404), or a form of another kind
        }
        return fieldsIn(() -> forms.getDeployedTaskForm(taskId));
    }

    /** The same for a process's start form, the process named by id or by key (its latest version). */
    private Set<String> fieldsOfStart(boolean byKey, String idOrKey) {
        var query = repository.createProcessDefinitionQuery();
        ProcessDefinition process = (byKey ? query.processDefinitionKey(idOrKey).latestVersion()
                : query.processDefinitionId(idOrKey)).singleResult();
        if (process == null || forms.getStartFormData(process.getId()).getCamundaFormRef() == null) {
            return null;
        }
        return fieldsIn(() -> forms.getDeployedStartForm(process.getId()));
    }

    private static Set<String> fieldsIn(Supplier<InputStream> deployed) {
        try (InputStream form = deployed.get()) {
            Set<String> fields = new HashSet<>();
            collect(JSON.readTree(form).path("components"), fields);
            return fields;
        } catch (ProcessEngineException | IOException noForm) {
            // the form no longer deployed, or the task gone meanwhile: Camunda says which when it handles the request
            return null;
        }
    }

    /**
     * A field writes its key; a dynamic list or a group with a path writes one variable under the path's first part,
     * whatever its own fields are; a group without a path is only layout.
     */
    static void collect(JsonNode components, Set<String> fields) {
        for (JsonNode component : components) {
            String path = component.path("path").asText("");
            if (!path.isEmpty()) {
                fields.add(path.split("\\.", 2)[0]);
            } else {
                if (component.hasNonNull("key")) {
                    fields.add(component.get("key").asText());
                }
                collect(component.path("components"), fields);
            }
        }
    }
}

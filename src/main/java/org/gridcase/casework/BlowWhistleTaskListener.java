package org.gridcase.casework;

import static org.gridcase.casework.GridReportVariables.*;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.json.SpinJsonNode;
import org.gridcase.registry.DepartmentService;
import org.gridcase.registry.DepartmentView;
import org.gridcase.system.InvalidRequestException;
import org.springframework.stereotype.Component;

/**
 * Task_BlowWhistle, on completion: the street's choice of departments arrives as the Tasklist's checklist sends
 * it (a JSON value), as a list (API clients, tests) or as comma-separated text. It becomes one plain list for
 * the check-in multi-instance. A whistle that summons nobody, summons a department the registry does not know
 * (a check-in task for a group nobody is in), or names a lead it does not summon, is refused so the dispatcher
 * can correct it. A street that convenes a consultation meeting instead (协商议事会) summons nobody here: the
 * meeting invites the parties. A street that finds the case is a dispute between residents moves it into mediation
 * (转矛盾纠纷调解) and summons nobody either; its reason becomes a note on the case, for the workbench and the audit.
 * A dispute that mediation already sent back for the street's joint mediation cannot be sent back again: the
 * community's mediators have given up on it, and the two would pass it to and fro.
 */
@Component("blowWhistleTaskListener")
class BlowWhistleTaskListener implements TaskListener {

    private final DepartmentService registry;

    BlowWhistleTaskListener(DepartmentService registry) {
        this.registry = registry;
    }

    @Override
    public void notify(DelegateTask task) {
        if (mediation(task)) {
            return;
        }
        // Gateway_ConsultationChosen reads the choice; a whistle that does not make it (API clients, older forms)
        // summons departments as before.
        boolean meeting = Boolean.TRUE.equals(task.getVariable(CONSULTATION_MEETING));
        task.getExecution().setVariable(CONSULTATION_MEETING, meeting);
        if (meeting) {
            return;
        }
        List<String> departments = codes(task.getVariable(DEPARTMENTS));
        if (departments.isEmpty()) {
            throw new InvalidRequestException(DEPARTMENTS, "至少召集一个部门");
        }
        List<String> unknown = departments.stream().filter(code -> registry.find(code).isEmpty()).toList();
        if (!unknown.isEmpty()) {
            throw new InvalidRequestException(DEPARTMENTS, "没有这些部门：" + String.join("、", unknown));
        }
        List<String> inactive = departments.stream().filter(code -> registry.findOffered(code).isEmpty()).toList();
        if (!inactive.isEmpty()) {
            throw new InvalidRequestException(DEPARTMENTS, "这些部门已停用，不能召集：" + String.join("、", inactive));
        }
        Object lead = task.getVariable(LEAD_DEPARTMENT);
        if (lead == null || !departments.contains(lead.toString())) {
            throw new InvalidRequestException(LEAD_DEPARTMENT, "主办部门必须是勾选的召集部门之一："
                    + String.join("、", departments.stream().map(code -> registry.find(code)
                            .map(DepartmentView::name).orElse(code)).toList()));
        }
        task.getExecution().setVariable(DEPARTMENTS, Variables.objectValue(departments)
                .serializationDataFormat(Variables.SerializationDataFormats.JSON).create());
    }

    /** Gateway_MediationChosen reads the choice; like the meeting, a whistle that does not make it goes on as before. */
    private static boolean mediation(DelegateTask task) {
        boolean chosen = Boolean.TRUE.equals(task.getVariable(MEDIATION_CHOSEN));
        task.getExecution().setVariable(MEDIATION_CHOSEN, chosen);
        if (!chosen) {
            return false;
        }
        if ("JOINT_MEDIATION".equals(task.getVariable(MEDIATION_OUTCOME))) {
            throw new InvalidRequestException("转矛盾纠纷调解", "本案已经社区调解不成、提请街道联合调解，不能再转回社区调解");
        }
        if (Boolean.TRUE.equals(task.getVariable(CONSULTATION_MEETING))) {
            throw new InvalidRequestException("转矛盾纠纷调解", "不能同时召开协商议事会，请二选一");
        }
        Object reason = task.getVariable(MEDIATION_REASON);
        if (reason == null || reason.toString().isBlank()) {
            throw new InvalidRequestException("转调解理由", "选择“转矛盾纠纷调解”时必须填写转调解理由");
        }
        if (reason.toString().strip().length() > 2000) {
            throw new InvalidRequestException("转调解理由", "不能超过 2000 个字符");
        }
        task.getExecution().setVariable(CONSULTATION_MEETING, false);
        // the case now runs on the mediation track, as if triage had sent it there: the record and its figures say so
        task.getExecution().setVariable(TRACK, "MEDIATION");
        // and no department leads it: triage's proposal for the whistle would credit one with a mediated dispute
        task.getExecution().setVariable(LEAD_DEPARTMENT, null);
        task.getProcessEngineServices().getTaskService().createComment(task.getId(), task.getProcessInstanceId(),
                "【转矛盾纠纷调解】" + reason.toString().strip());
        return true;
    }

    static List<String> codes(Object value) {
        List<String> codes = new ArrayList<>();
        if (value instanceof SpinJsonNode json && json.isArray()) {
            json.elements().forEach(element -> codes.add(element.stringValue()));
        } else if (value instanceof Collection<?> collection) {
            collection.forEach(element -> codes.add(String.valueOf(element)));
        } else if (value != null) {
            for (String code : value.toString().split(",")) {
                codes.add(code);
            }
        }
        return codes.stream().map(String::trim).filter(code -> !code.isEmpty()).distinct().toList();
    }
}

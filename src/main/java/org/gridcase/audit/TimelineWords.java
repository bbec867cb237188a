package org.gridcase.audit;

import java.util.List;
import java.util.Map;

import org.gridcase.notification.ChannelLabels;
import org.gridcase.notification.NotificationTemplate;

/**
 * The Chinese words for what the engine records in its own terms: the kinds of BPMN elements, the operations of its
 * user operation log and what they changed, incident types, and gridcase's notification templates. Whatever is not
 * in these tables is shown by a general word ("其他操作"); the engine's own term stays in the event's details.
 */
final class TimelineWords {

    private static final Map<String, String> ACTIVITY_TYPES = Map.ofEntries(
            Map.entry("userTask", "人工任务"), Map.entry("serviceTask", "自动任务"),
            Map.entry("businessRuleTask", "规则决策"), Map.entry("scriptTask", "脚本任务"),
            Map.entry("sendTask", "发送任务"), Map.entry("startEvent", "开始"), Map.entry("noneEndEvent", "结束"),
            Map.entry("errorEndEvent", "结束（错误）"), Map.entry("boundaryTimer", "计时边界事件"),
            Map.entry("boundaryError", "错误边界事件"), Map.entry("subProcess", "子流程"),
            Map.entry("intermediateTimer", "等待计时"), Map.entry("callActivity", "调用子流程"));

    private static final Map<String, String> OPERATIONS = Map.ofEntries(
            Map.entry("Claim", "认领"), Map.entry("Complete", "完成"), Map.entry("Assign", "指派"),
            Map.entry("SetOwner", "设置负责人"), Map.entry("Delegate", "委托"), Map.entry("Resolve", "委托办毕"),
            Map.entry("Create", "创建"), Map.entry("Update", "修改"), Map.entry("Delete", "删除"),
            Map.entry("SetPriority", "设置优先级"), Map.entry("AddUserLink", "添加候选人"),
            Map.entry("DeleteUserLink", "撤销候选人"), Map.entry("AddGroupLink", "添加候选组"),
            Map.entry("DeleteGroupLink", "撤销候选组"), Map.entry("AddAttachment", "添加附件"),
            Map.entry("DeleteAttachment", "删除附件"), Map.entry("Start", "启动流程"),
            Map.entry("CreateIncident", "创建故障"), Map.entry("Resolve Incident", "解决故障"),
            Map.entry("SetJobRetries", "重试作业"), Map.entry("SetRemovalTime", "设置历史保留期限"),
            Map.entry("SetVariable", "设置变量"), Map.entry("SetVariables", "设置变量"),
            Map.entry("RemoveVariable", "删除变量"), Map.entry("ModifyVariable", "修改变量"),
            Map.entry("ModifyProcessInstance", "调整流程位置"), Map.entry("Migrate", "迁移到新版本流程"),
            Map.entry("Suspend", "挂起"), Map.entry("Activate", "激活"), Map.entry("SuspendJob", "挂起作业"),
            Map.entry("ActivateJob", "激活作业"), Map.entry("SetDueDate", "修改期限"),
            Map.entry("CorrelateMessage", "收到消息"), Map.entry("Restart", "重新启动"),
            Map.entry("DeleteHistory", "删除历史"), Map.entry("Execute", "执行作业"));

    private static final Map<String, String> PROPERTIES = Map.ofEntries(
            Map.entry("assignee", "办理人"), Map.entry("owner", "负责人"), Map.entry("dueDate", "期限"),
            Map.entry("followUpDate", "跟进日期"), Map.entry("priority", "优先级"), Map.entry("name", "名称"),
            Map.entry("description", "说明"), Map.entry("delegation", "委托状态"), Map.entry("candidate", "候选"),
            Map.entry("delete", "删除"), Map.entry("retries", "重试次数"), Map.entry("suspensionState", "状态"),
            Map.entry("processDefinitionId", "流程版本"), Map.entry("processDefinitionVersion", "流程版本号"),
            Map.entry("processDefinitionKey", "流程"), Map.entry("processInstanceId", "流程实例"),
            Map.entry("nrOfInstances", "实例数"), Map.entry("async", "异步"), Map.entry("userId", "用户"),
            Map.entry("groupId", "组"), Map.entry("variableName", "变量"));

    private static final Map<String, String> INCIDENTS = Map.of("failedJob", "作业执行失败",
            "failedExternalTask", "外部任务失败");

    private static final Map<String, String> TASK_ENDS = Map.of("completed", "完成", "deleted", "取消");

    private TimelineWords() {
    }

    static String activityType(String type) {
        return ACTIVITY_TYPES.getOrDefault(type, "流程环节");
    }

    static String operation(String type) {
        return OPERATIONS.getOrDefault(type, "其他操作");
    }

    static String property(String property) {
        return property == null ? null : PROPERTIES.getOrDefault(property, "其他属性");
    }

    static String incident(String type) {
        return INCIDENTS.getOrDefault(type, "其他故障");
    }

    static String template(String template) {
        return NotificationTemplate.labelOf(template);
    }

    private static final Map<String, String> RECIPIENT_KINDS = Map.ofEntries(Map.entry("reporter", "诉求人"),
            Map.entry("department", "部门"), Map.entry("street", "街道"), Map.entry("community", "社区"),
            Map.entry("grid", "网格"), Map.entry("leaders", "区领导"), Map.entry("supervisor", "督办"),
            Map.entry("dispatcher", "调度员"), Map.entry("user", "个人"), Map.entry("other", "其他"));

    /** The routing table's decision (NotificationRouting.dmn) in words: who hears which message on what. */
    static String routing(Map<String, Object> inputs, List<Object> channelsChosen) {
        Object event = inputs.get("事件（消息模板）");
        Object kind = inputs.get("接收方");
        Object urgent = inputs.get("紧急");
        String channels = channelsChosen.stream().filter(java.util.Objects::nonNull)
                .map(channel -> ChannelLabels.of(channel.toString())).distinct()
                .collect(java.util.stream.Collectors.joining("、"));
        return "依据 消息：" + template(String.valueOf(event)) + "，接收方："
                + RECIPIENT_KINDS.getOrDefault(String.valueOf(kind), String.valueOf(kind)) + "，紧急："
                + (Boolean.TRUE.equals(urgent) ? "是" : "否") + "；决定 渠道：" + (channels.isEmpty() ? "无" : channels);
    }

    /** How a task ended: 完成, 取消 (its step was left, e.g. by a timer or another department), else 结束. */
    static String taskEnd(String deleteReason) {
        return TASK_ENDS.getOrDefault(deleteReason, "结束");
    }
}

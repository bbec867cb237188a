package org.gridcase.registry;

/** A category as the API shows it; {@code path} is the name staff read, e.g. 市政设施/井盖缺失. */
public record CategoryView(String code, String name, String path, String parentCode, Urgency defaultUrgency) {
}

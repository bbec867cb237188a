/**
 * Cross-cutting configuration shared by every feature: how API errors look (RFC 9457 problem details that
 * name the field and the problem) and the OpenAPI description. Depends on no other gridcase module.
 */
@org.springframework.modulith.ApplicationModule(displayName = "System", type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.gridcase.system;

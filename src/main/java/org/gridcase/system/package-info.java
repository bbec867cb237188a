/**
 * Cross-cutting configuration shared by every feature: how API errors look (RFC 9457 problem details that
 * name the field and the problem), the OpenAPI description, who the current caller is ({@link
 * org.gridcase.system.Callers}) and how a phone number is masked. Depends on no other gridcase module.
 */
@org.springframework.modulith.ApplicationModule(displayName = "System", type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.gridcase.system;

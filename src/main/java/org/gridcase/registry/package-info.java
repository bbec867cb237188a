/**
 * The grid registry: the administrative tree (district, streets, communities, grids with their boundaries),
 * the departments and outside bodies that can be summoned, the staff attached to them, and the category
 * catalogue. It places a point in its grid and publishes {@link org.gridcase.registry.StaffChanged},
 * {@link org.gridcase.registry.UnitChanged} and {@link org.gridcase.registry.DepartmentChanged} when its
 * records change, so that other modules (the Camunda identity) follow.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Grid registry")
package org.gridcase.registry;

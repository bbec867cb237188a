/**
 * Open311 GeoReport v2 under {@code /open311/v2}: third-party apps (a city app, a mini-program's backend,
 * FixMyStreet-style clients) list the category catalogue as services and report through the open standard for
 * civic reports; each report becomes an ordinary case (channel OPEN311, source {@code app:<app id>}) through
 * casework's registration. Apps get their api_key from an administrator ({@code /api/admin/open311-apps}).
 * Reading requests is public and shows only what the standard's public view needs: never a reporter's name or phone.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Open311")
package org.gridcase.open311;

/**
 * The residents' pages at {@code /m/} (码上办): report a problem from a phone without an account (category,
 * description, photos, the place on a map), see and join a nearby open report of the same kind instead of
 * opening a duplicate (我也遇到了), follow a case with its tracking link, and list one's own reports after a
 * one-time code sent to the phone (我的反映). Also the QR codes a grid or community prints. Its small public JSON
 * API is under {@code /api/resident}; reports themselves go to the intake API like any other client's. Every case
 * it reads comes through casework's CaseQueries, in forms that carry no personal data.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Resident pages")
package org.gridcase.resident;

import { describe, expect, it } from "vitest";
import { parseRoleGroups, rolesFromGroups } from "./staff-roles";

describe("IdP groups to role names (OIDC_ROLE_GROUPS)", () => {
  const mapping = parseRoleGroups(
    "viewer:icp-viewers, operator:icp-operators,admin:icp-admins,retrier:icp-retry,bad,:x",
  );

  it("parses role:group pairs of any role name and drops malformed ones", () => {
    expect(mapping).toEqual([
      { role: "viewer", group: "icp-viewers" },
      { role: "operator", group: "icp-operators" },
      { role: "admin", group: "icp-admins" },
      { role: "retrier", group: "icp-retry" },
    ]);
  });

  it("gives a user every role their groups map to (the permissions are their union), in mapping order", () => {
    expect(rolesFromGroups(["icp-retry", "icp-viewers", "other"], mapping)).toEqual(["viewer", "retrier"]);
    expect(rolesFromGroups("icp-admins", mapping)).toEqual(["admin"]);
  });

  it("gives a user without a mapped group no role (and so no session)", () => {
    expect(rolesFromGroups(["staff"], mapping)).toEqual([]);
    expect(rolesFromGroups(undefined, mapping)).toEqual([]);
  });
});

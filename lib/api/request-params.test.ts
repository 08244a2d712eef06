import { describe, expect, it } from "vitest";
import { assetParamsSchema, deployParamsSchema, parseParams } from "./request-params";
import { teamParamsSchema } from "./team-params";

const url = (query: string) => `http://hb.test/api/v1/x?${query}`;

describe("parseParams", () => {
  it("accepts known parameters and fills defaults", () => {
    expect(parseParams(deployParamsSchema, url("deployment=local"))).toEqual({
      ok: true,
      value: { deployment: "local", days: 14 },
    });
  });

  it("names a bad value's parameter without echoing the value", () => {
    const result = parseParams(teamParamsSchema.strict(), url("range=%3Cscript%3E"));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.message).toMatch(/^range: /);
    expect(result.message).not.toContain("<script>");
  });

  it("names unknown parameters that look like names, and lists the known ones", () => {
    const result = parseParams(assetParamsSchema, url("colour=red"));
    expect(result).toEqual({
      ok: false,
      message: "unknown parameter(s): colour; expected team, deployment, location, env",
    });
  });

  it("never echoes an unknown parameter name that is raw input", () => {
    const hostile = `<img src=x onerror=alert(1)>${"a".repeat(5_000)}`;
    const result = parseParams(assetParamsSchema, url(`${encodeURIComponent(hostile)}=1`));
    expect(result).toEqual({
      ok: false,
      message: "unknown parameter; expected team, deployment, location, env",
    });
  });

  it("rejects out-of-range and non-integer days", () => {
    for (const days of ["0", "91", "1.5", "abc", "1e400"]) {
      const result = parseParams(deployParamsSchema, url(`days=${days}`));
      expect(result.ok, days).toBe(false);
      if (!result.ok) expect(result.message).toMatch(/^days: /);
    }
  });
});

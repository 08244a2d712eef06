import { describe, expect, it } from "vitest";
import { errorLine } from "./badge-reason";

describe("errorLine", () => {
  it("names the class once, with or without Dagster's module path", () => {
    expect(
      errorLine({
        className: "RuntimeError",
        message: "RuntimeError: CUDA out of memory",
        stepKey: null,
      }),
    ).toBe("RuntimeError: CUDA out of memory");
    expect(
      errorLine({
        className: "DagsterSubprocessError",
        message:
          "dagster._core.errors.DagsterSubprocessError: During multiprocess execution errors occurred\nmore",
        stepKey: null,
      }),
    ).toBe("DagsterSubprocessError: During multiprocess execution errors occurred");
    expect(errorLine({ className: "ValueError", message: "bad input", stepKey: "a" })).toBe(
      "ValueError: bad input",
    );
    expect(errorLine({ className: null, message: "Run failed to launch", stepKey: null })).toBe(
      "Run failed to launch",
    );
  });

  it("cuts a long line so the other reasons keep their room in the title", () => {
    const line = errorLine({ className: "E", message: "x".repeat(500), stepKey: null });
    expect(line.length).toBeLessThanOrEqual(80);
    expect(line.endsWith("…")).toBe(true);
  });
});

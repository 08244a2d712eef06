import { describe, expect, it } from "vitest";
import { formatBytes } from "./format-bytes";

describe("formatBytes", () => {
  it("scales by thousands with a precision that fits the size", () => {
    expect(formatBytes(512)).toBe("512 B");
    expect(formatBytes(1_500)).toBe("1.50 kB");
    expect(formatBytes(42_000_000)).toBe("42.0 MB");
    expect(formatBytes(350e9)).toBe("350 GB");
    expect(formatBytes(-2_000)).toBe("−2.00 kB");
    expect(formatBytes(null)).toBe("—");
  });
});

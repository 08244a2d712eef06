import { describe, expect, it } from "vitest";
import { maskSecrets } from "./channel-secrets";
import { testNotification } from "./test-notification";

describe("testNotification", () => {
  it("is a firing notification for one channel, its key unique per test", () => {
    const a = testNotification("slack-ml", 1_000);
    const b = testNotification("slack-ml", 2_000);
    expect(a).toMatchObject({ transition: "firing", channels: ["slack-ml"], endsAt: null });
    expect(a.signal.summary).toMatch(/test/i);
    expect(a.key).not.toBe(b.key);
  });
});

describe("maskSecrets", () => {
  it("masks every occurrence of each secret, and nothing else", () => {
    const url = "https://hooks.slack.com/services/T0/B0/xyz";
    expect(maskSecrets(`connect to ${url} failed; retry ${url}`, [url, undefined])).toBe(
      "connect to [secret] failed; retry [secret]",
    );
    expect(maskSecrets("HTTP 500: oops", ["k3y-abcdef"])).toBe("HTTP 500: oops");
  });
});

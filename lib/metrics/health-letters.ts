import type { OverallHealth } from "./definitions";

// The lineage payload carries each asset's overall health as one letter (25k
// assets stay small). The letters and which of them count as unhealthy come
// from the one vocabulary, so the colours, the health filter and root causes
// agree with the team pages. Browser-safe.

/** One letter per overall health state. */
export const HEALTH_LETTER: Record<OverallHealth, string> = {
  HEALTHY: "H",
  WARNING: "W",
  DEGRADED: "D",
  UNKNOWN: "U",
};

/** A stub: a key that is depended on but defined in no code location (it has no health). */
export const STUB_LETTER = "S";

/** Every letter the payload may hold, in the lineage toolbar's order, the stub last. */
export const PAYLOAD_LETTERS: readonly string[] = [...Object.values(HEALTH_LETTER), STUB_LETTER];

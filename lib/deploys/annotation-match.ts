import type { DeployAnnotation, DeployEvent } from "./deploy-types";

// Which CI annotation describes which recorded version. CI posts around the
// deploy (before or after Dagster reloads), and Dagster open source carries no
// commit, so the join is: the annotation whose commit is the version Dagster
// shows (Dagster+ sets commit_hash), else the unused annotation nearest in time
// within ANNOTATION_TOLERANCE_MS of the version going live. Each annotation
// describes one version at most; one posted for a restart (no code change)
// matches no version when a closer one describes the real deploy.

export const ANNOTATION_TOLERANCE_MS = 15 * 60_000;

const sameCommit = (a: string, b: string) =>
  a.length >= 7 && b.length >= 7 && (a.startsWith(b) || b.startsWith(a));

/** One annotation or undefined per version start, in the order given. Pure. */
export function matchAnnotations(
  starts: readonly Pick<DeployEvent, "at" | "version">[],
  annotations: readonly DeployAnnotation[],
): (DeployAnnotation | undefined)[] {
  const used = new Set<DeployAnnotation>();
  const result: (DeployAnnotation | undefined)[] = starts.map((s) => {
    const exact = s.version
      ? annotations.find((a) => !used.has(a) && sameCommit(a.commit, s.version as string))
      : undefined;
    if (exact) used.add(exact);
    return exact;
  });
  // Nearest pairs first, so two deploys minutes apart each get their own.
  const pairs: { i: number; a: DeployAnnotation; gap: number }[] = [];
  starts.forEach((s, i) => {
    if (result[i]) return;
    for (const a of annotations) {
      const gap = Math.abs(a.at - s.at);
      if (!used.has(a) && gap <= ANNOTATION_TOLERANCE_MS) pairs.push({ i, a, gap });
    }
  });
  pairs.sort((x, y) => x.gap - y.gap);
  for (const { i, a } of pairs) {
    if (result[i] || used.has(a)) continue;
    result[i] = a;
    used.add(a);
  }
  return result;
}

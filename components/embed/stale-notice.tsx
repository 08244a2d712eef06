import { RelativeTime } from "@/components/format-time";

/** Healthboard itself could not be reached: the embed shows its last good data. */
export function StaleNotice({ since }: { since?: number }) {
  return (
    <p
      role="status"
      data-testid="embed-stale"
      className="rounded border border-warning/40 bg-warning/10 px-2 py-1 text-xs"
    >
      Healthboard is not answering; showing the last data received
      {since ? (
        <>
          {" "}
          (<RelativeTime ms={since} />)
        </>
      ) : null}
      .
    </p>
  );
}

"use client";

import { useEffect, useState } from "react";

function relative(ms: number, now: number): string {
  const seconds = Math.round((now - ms) / 1000);
  if (seconds < 5) return "just now";
  if (seconds < 60) return `${seconds}s ago`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 48) return `${hours} h ago`;
  return `${Math.round(hours / 24)} d ago`;
}

/** A time shown relative to now, with the exact UTC time on hover and for screen readers. */
export function RelativeTime({ ms }: { ms: number }) {
  // Start from the render-time clock on both server and client, then tick.
  const [now, setNow] = useState<number>(ms);
  useEffect(() => {
    setNow(Date.now());
    const id = setInterval(() => setNow(Date.now()), 15_000);
    return () => clearInterval(id);
  }, []);
  const iso = new Date(ms).toISOString();
  return (
    <time dateTime={iso} title={iso.replace("T", " ").replace(/\.\d+Z$/, " UTC")}>
      {now === ms ? iso.slice(0, 16).replace("T", " ") : relative(ms, now)}
    </time>
  );
}

"use client";

import Link from "next/link";
import { useSearchParams } from "next/navigation";
import type { ReactNode } from "react";
import { withEnv } from "@/lib/environments/env-href";

/** A header link that keeps the environment the current page shows (its `?env=`). */
export function EnvNavLink({
  href,
  className,
  children,
}: {
  href: string;
  className?: string;
  children: ReactNode;
}) {
  const env = useSearchParams().get("env") ?? undefined;
  return (
    <Link href={withEnv(href, env)} className={className}>
      {children}
    </Link>
  );
}

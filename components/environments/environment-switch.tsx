"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { switchHref } from "@/lib/environments/env-href";

/**
 * The header's environment switch: pages show one environment, named by
 * `?env=` (prod by default). Switching keeps the page and its view (team,
 * range, lineage focus…) and changes only the environment.
 */
export function EnvironmentSwitch({
  environments,
  defaultEnvironment,
}: {
  environments: string[];
  defaultEnvironment: string;
}) {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const current = params.get("env") ?? defaultEnvironment;
  return (
    <label className="ml-auto flex items-center gap-2 text-slate-600 dark:text-slate-400">
      Environment
      <select
        data-testid="environment-switch"
        value={current}
        onChange={(e) =>
          router.push(switchHref(pathname, params.toString(), e.target.value, defaultEnvironment))
        }
        className="rounded border border-slate-300 bg-white px-1 py-0.5 dark:border-slate-700 dark:bg-slate-800"
      >
        {environments.map((env) => (
          <option key={env} value={env}>
            {env}
          </option>
        ))}
      </select>
    </label>
  );
}

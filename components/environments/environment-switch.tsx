"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";

const ENV_AWARE = new Set(["/"]);

function envOnly(params: URLSearchParams): URLSearchParams {
  const env = params.get("env");
  return new URLSearchParams(env ? { env } : {});
}

/** The header's environment switch: pages show one environment, named by `?env=` (prod by default). */
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
        onChange={(e) => {
          const next = new URLSearchParams(params);
          if (e.target.value === defaultEnvironment) next.delete("env");
          else next.set("env", e.target.value);
          // Only the overview reads ?env= so far (docs/environments.md): elsewhere
          // the switch goes there rather than pretend the page changed.
          const target = ENV_AWARE.has(pathname) ? pathname : "/";
          const query = (ENV_AWARE.has(pathname) ? next : envOnly(next)).toString();
          router.push(query ? `${target}?${query}` : target);
        }}
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

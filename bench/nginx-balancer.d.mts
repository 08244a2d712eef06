// Types for nginx-balancer.mjs.
export function startNginx(
  port: number,
  upstreams: number[],
  options?: { connections?: number },
): Promise<{ url: string; stop: () => Promise<void> }>;

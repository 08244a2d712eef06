import { type RefObject, useEffect } from "react";

/**
 * Inside an embed, links to Healthboard's pages open in a new tab: those pages
 * refuse to be framed, and a client-side navigation would bring them into the
 * frame anyway. Capture phase, so it runs before next/link's own handler.
 */
export function useLinksOpenOutside(ref: RefObject<HTMLElement | null>) {
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const onClick = (e: MouseEvent) => {
      const a = (e.target as Element | null)?.closest?.("a[href]");
      if (!(a instanceof HTMLAnchorElement) || a.target === "_blank") return;
      const url = new URL(a.href, window.location.href);
      if (url.origin === window.location.origin && url.pathname.startsWith("/embed/")) return;
      e.preventDefault();
      e.stopPropagation();
      window.open(url.href, "_blank", "noopener");
    };
    el.addEventListener("click", onClick, true);
    return () => el.removeEventListener("click", onClick, true);
  }, [ref]);
}

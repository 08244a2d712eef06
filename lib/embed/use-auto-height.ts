import { type RefObject, useEffect } from "react";

/**
 * Posts the height of `ref`'s element to the parent frame whenever it changes,
 * so a host page can size the iframe to fit. Only a number leaves the frame,
 * so any host may receive it. The element must not be sized by the viewport,
 * or resizing the iframe would feed back into the height.
 */
export function useAutoHeight(ref: RefObject<HTMLElement | null>, enabled: boolean) {
  useEffect(() => {
    const el = ref.current;
    if (!enabled || !el || window.parent === window) return;
    let last = -1;
    const report = () => {
      const height = Math.ceil(el.getBoundingClientRect().height);
      if (height === last) return;
      last = height;
      window.parent.postMessage({ type: "healthboard:height", height }, "*");
    };
    const observer = new ResizeObserver(report);
    observer.observe(el);
    report();
    return () => observer.disconnect();
  }, [ref, enabled]);
}

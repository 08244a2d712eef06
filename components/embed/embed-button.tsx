"use client";

import { useEffect, useId, useRef, useState } from "react";
import type { Theme } from "@/lib/embed/embed-params";
import {
  autoHeightScript,
  type BadgeContext,
  badgeMarkdown,
  badgesFor,
  type EmbedTarget,
  embedPath,
  iframeSnippet,
} from "@/lib/embed/embed-snippets";

/** Shows how to put this panel on a wiki page: iframe, auto-height script, badges. */
export function EmbedButton({
  target,
  title,
  badges,
}: {
  target: EmbedTarget;
  title: string;
  badges: BadgeContext;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const labelId = useId();
  const [open, setOpen] = useState(false);
  const [theme, setTheme] = useState<Theme>("auto");
  const [origin, setOrigin] = useState("");
  // The dialog exists only while open, so a page of panels carries no hidden copies.
  useEffect(() => {
    if (open) dialog.current?.showModal();
  }, [open]);
  const markdown = badgesFor(origin, target, badges).map(badgeMarkdown).join("\n");
  return (
    <>
      <button
        type="button"
        onClick={() => {
          setOrigin(window.location.origin);
          setOpen(true);
        }}
        className="rounded border border-slate-300 px-2 py-1 text-xs text-slate-700 hover:bg-slate-100 dark:border-slate-700 dark:text-slate-300 dark:hover:bg-slate-800"
      >
        Embed
      </button>
      {open ? (
        <dialog
          ref={dialog}
          onClose={() => setOpen(false)}
          aria-labelledby={labelId}
          data-testid="embed-dialog"
          className="m-auto w-full max-w-2xl rounded-lg border border-slate-200 bg-white p-5 text-sm text-slate-900 shadow-xl backdrop:bg-slate-950/40 dark:border-slate-800 dark:bg-slate-900 dark:text-slate-100"
        >
          <div className="mb-3 flex items-center justify-between">
            <h3 id={labelId} className="text-base font-semibold">
              Embed “{title}”
            </h3>
            <button type="button" onClick={() => dialog.current?.close()} aria-label="Close">
              ✕
            </button>
          </div>
          <label className="mb-3 flex items-center gap-2">
            Theme
            <select
              value={theme}
              onChange={(e) => setTheme(e.target.value as Theme)}
              className="rounded border border-slate-300 bg-transparent px-1 py-0.5 dark:border-slate-700"
            >
              <option value="auto">Follow the reader's system</option>
              <option value="light">Light</option>
              <option value="dark">Dark</option>
            </select>
          </label>
          <Snippet
            label="Iframe"
            testId="embed-iframe"
            text={iframeSnippet(origin, target, title, theme)}
          />
          <Snippet
            label="Optional: let the iframe size itself (hosts that allow scripts)"
            testId="embed-script"
            text={autoHeightScript(origin)}
          />
          {markdown ? (
            <Snippet label="Badges (Markdown)" testId="embed-badges" text={markdown} />
          ) : null}
          <p className="mt-1 text-xs text-slate-500">
            Embed URL: <code>{`${origin}${embedPath(target, theme)}`}</code>
          </p>
          <ul className="mt-3 list-disc space-y-1 pl-5 text-slate-600 dark:text-slate-400">
            <li>
              <strong>Confluence Cloud</strong>: type <code>/iframe</code>, paste the embed URL and
              set a height. Data Center: paste the iframe into an HTML macro.
            </li>
            <li>
              <strong>Notion</strong>: type <code>/embed</code> and paste the embed URL.
            </li>
            <li>
              <strong>READMEs and wikis without iframes</strong>: use the badges.
            </li>
            <li>
              Your wiki's origin must be listed under <code>embed.frameAncestors</code> in
              Healthboard's config (e.g. <code>https://your-org.atlassian.net</code>,{" "}
              <code>https://www.notion.so</code>); browsers refuse every other site.
            </li>
          </ul>
        </dialog>
      ) : null}
    </>
  );
}

function Snippet({ label, text, testId }: { label: string; text: string; testId: string }) {
  const [status, setStatus] = useState<"idle" | "copied" | "manual">("idle");
  const area = useRef<HTMLTextAreaElement>(null);
  const copy = async () => {
    try {
      // Absent on plain-http origins (not a secure context).
      if (!navigator.clipboard) throw new Error("no clipboard");
      await navigator.clipboard.writeText(text);
      setStatus("copied");
    } catch {
      area.current?.select();
      setStatus("manual");
    }
    setTimeout(() => setStatus("idle"), 2500);
  };
  return (
    <div className="mb-3">
      <div className="mb-1 flex items-center justify-between">
        <span className="font-medium">{label}</span>
        <button type="button" onClick={copy} className="text-xs underline">
          {status === "copied" ? "Copied" : status === "manual" ? "Press Ctrl+C" : "Copy"}
        </button>
      </div>
      <textarea
        ref={area}
        readOnly
        value={text}
        data-testid={testId}
        rows={Math.min(8, Math.max(3, text.split("\n").length + 1))}
        className="w-full rounded border border-slate-300 bg-slate-50 p-2 font-mono text-xs dark:border-slate-700 dark:bg-slate-950"
        onFocus={(e) => e.currentTarget.select()}
      />
    </div>
  );
}

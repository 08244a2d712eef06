// Inside a wiki's iframe: no client-side links, which would bring the site's
// pages (which refuse framing) into the frame. The link opens a new tab.
export default function EmbedNotFound() {
  return (
    <div className="p-4 text-sm">
      <p className="font-medium">This embed no longer exists.</p>
      <p className="mt-1 text-slate-600 dark:text-slate-400">
        The team or panel in its address is unknown. Copy a new snippet from the panel's Embed
        button in{" "}
        <a href="/" target="_blank" rel="noopener" className="underline">
          Healthboard
        </a>
        .
      </p>
    </div>
  );
}

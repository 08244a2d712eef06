import Link from "next/link";

export default function TeamNotFound() {
  return (
    <div className="py-16 text-center">
      <h1 className="text-2xl font-semibold">Team not found</h1>
      <p className="mt-2 text-slate-600 dark:text-slate-400">
        No team with this name is configured in Healthboard.
      </p>
      <Link href="/" className="mt-4 inline-block text-blue-700 underline dark:text-blue-400">
        See every team on the overview
      </Link>
    </div>
  );
}

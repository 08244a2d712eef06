// Validates Healthboard's query documents against a Dagster+ schema SDL and
// lists what does not validate. Dagster+ cannot be reached from where
// Healthboard is developed, so this is how its queries are checked.
//   node scripts/check-plus-schema.mjs ../shared/reference/dagster-plus-schema-2024-04.graphql
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { buildSchema, parse, validate } from "graphql";

const sdlFile = process.argv[2];
if (!sdlFile) {
  console.error("usage: node scripts/check-plus-schema.mjs SCHEMA.graphql");
  process.exit(2);
}
const schema = buildSchema(readFileSync(sdlFile, "utf8"), { assumeValidSDL: true });
const dir = path.resolve(import.meta.dirname, "../lib/dagster/queries");
let problems = 0;
// plus/ holds documents only Dagster+ answers (Insights), kept out of codegen.
for (const file of readdirSync(dir, { recursive: true })
  .map(String)
  .filter((f) => f.endsWith(".graphql"))
  .sort()) {
  const errors = validate(schema, parse(readFileSync(path.join(dir, file), "utf8")));
  problems += errors.length;
  console.log(`${errors.length === 0 ? "ok  " : "FAIL"} ${file}`);
  for (const e of errors) console.log(`     ${e.message}`);
}
process.exitCode = problems === 0 ? 0 : 1;

// Writes schemas/*.json from the built zod schemas (run `npm run build` first; `npm run schemas` does).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { jsonSchemas } from '../dist/schema/json-schema.js';

const dir = join(import.meta.dirname, '..', 'schemas');
for (const [name, schema] of Object.entries(jsonSchemas())) {
  writeFileSync(join(dir, name), `${JSON.stringify(schema, null, 2)}\n`);
  console.log(`wrote schemas/${name}`);
}

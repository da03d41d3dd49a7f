import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jsonSchemas } from '../src/schema/json-schema.js';

describe('schemas/', () => {
  it.each(Object.entries(jsonSchemas()))('%s is up to date with the zod schemas (npm run schemas)', (name, schema) => {
    const onDisk = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'schemas', name), 'utf8')) as unknown;
    expect(onDisk).toEqual(schema);
  });
});

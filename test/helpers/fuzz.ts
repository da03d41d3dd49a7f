/**
 * The time limit of a property test: vitest's default for the usual run, none for a longer run asked
 * for with FUZZ_RUNS (`npm run fuzz`), whose length is the caller's choice and no sign of a hang.
 */
export const fuzzTimeLimit: number | undefined = process.env.FUZZ_RUNS ? 0 : undefined;

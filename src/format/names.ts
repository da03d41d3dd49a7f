/** The output formats, by name (kept apart from the formatters so that the CLI can list them cheaply). */
export const FORMAT_NAMES = ['stylish', 'compact', 'json', 'json-with-metadata', 'sarif', 'github', 'gitlab', 'junit'] as const;

export type FormatName = (typeof FORMAT_NAMES)[number];

/** Formats meant for people (a progress line on a terminal does not disturb them). */
export const HUMAN_FORMATS: readonly FormatName[] = ['stylish', 'compact'];

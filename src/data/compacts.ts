import compacts from './compacts.json' with { type: 'json' };

/** An interstate licensure compact (compacts.yaml): the licenses it covers and the states that joined. */
export interface Compact {
  name: string;
  url: string;
  source: string;
  professions: string[];
  licenses: string[];
  members: string[];
  /** Whether privileges to practise are issued yet (as of the source). */
  privilegesIssued: boolean;
  notes?: string;
}

const COMPACTS = compacts as Compact[];

/** The compacts in force that cover `license` and that both states have joined. */
export function compactsJoining(license: string, home: string, other: readonly string[]): Compact[] {
  return COMPACTS.filter(
    (compact) =>
      compact.privilegesIssued &&
      compact.licenses.includes(license) &&
      compact.members.includes(home) &&
      other.some((code) => compact.members.includes(code)),
  );
}

import { type CredentialEntry, type CredentialIndex, credentialKey } from './credential-registry.js';

/** What is known of the expert besides a credential: it decides between the meanings of the same letters. */
export interface CredentialContext {
  /** ISO 3166-1 alpha-2 of the expert's location. */
  country?: string;
  /** ISO 3166-2 of the expert's state or province, when known. */
  region?: string;
  role?: string | null;
  /** Meanings the editor chose in roundup.config.yaml, by credential key. */
  expansions?: ReadonlyMap<string, string>;
}

export interface ResolvedCredential {
  text: string;
  /** Every meaning of what is written (empty: not in the registry). */
  entries: CredentialEntry[];
  exact: boolean;
  /** The meaning the context settles on; undefined when unknown or still ambiguous. */
  entry?: CredentialEntry;
}

/*
 * Words of a role that name a field. Generic words ("therapist", "specialist")
 * name none: they would tip a choice on a guess.
 */
const ROLE_WORDS: [RegExp, string][] = [
  [/\bnurse|\bnursing\b/i, 'nurse'],
  [/\bmidwi(fe|ves|fery)\b/i, 'midwife'],
  [/\bphysician assistant|\bphysician associate/i, 'physician-assistant'],
  [
    /\b(physician|doctor|psychiatrist|pediatrician|paediatrician|dermatologist|surgeon|cardiologist|neurologist|oncologist|gastroenterologist|endocrinologist|internist|gynaecologist|gynecologist|obstetrician|ob-?gyn|radiologist|anesthesiologist|anaesthetist|urologist|rheumatologist|allergist|ophthalmologist|pulmonologist|nephrologist|hematologist|geriatrician|GP|general practitioner|(family|internal|emergency|sports|sleep|addiction|obesity|lifestyle) medicine)\b/i,
    'physician',
  ],
  [/psychologist\b/i, 'psychologist'],
  [/\bcounsell?or\b/i, 'counselor'],
  [/\bsocial worker\b/i, 'social-worker'],
  [/\b(marriage and family|family|couples?) therapist\b/i, 'marriage-family-therapist'],
  [/\b(addiction|substance|recovery)\b/i, 'addiction-counselor'],
  [/\bbehaviou?r analyst\b/i, 'behavior-analyst'],
  [/\b(art|music|drama|dance|movement|play) therapist\b/i, 'creative-arts-therapist'],
  [/\b(psychotherapist|psychoanalyst)\b/i, 'psychotherapist'],
  [/\bsex therapist\b|\bsexologist\b/i, 'sexologist'],
  [/\b(dietitian|dietician|nutritionist)\b/i, 'dietitian'],
  [/\bpharmacist\b/i, 'pharmacist'],
  [/\b(physical therapist|physiotherapist|physio)\b/i, 'physical-therapist'],
  [/\boccupational therapist\b/i, 'occupational-therapist'],
  [/\bspeech\b/i, 'speech-language-pathologist'],
  [/\baudiologist\b/i, 'audiologist'],
  [/\b(dentist|orthodontist|periodontist|endodontist|dental)\b/i, 'dentist'],
  [/\boptometrist\b/i, 'optometrist'],
  [/\bchiropract/i, 'chiropractor'],
  [/\bpodiatr/i, 'podiatrist'],
  [/\bacupunctur/i, 'acupuncturist'],
  [/\bnaturopath/i, 'naturopath'],
  [/\b(personal trainer|strength|fitness|exercise physiologist|yoga|pilates)\b/i, 'fitness-professional'],
  [/\bcoach\b/i, 'coach'],
  [/\blactation\b/i, 'lactation-consultant'],
  [/\bgenetic counsel/i, 'genetic-counselor'],
  [/\bpublic health|epidemiologist\b/i, 'public-health'],
  [/\bathletic trainer\b/i, 'athletic-trainer'],
  [/\bmassage\b/i, 'massage-therapist'],
  [/\bveterinar|\bvet\b/i, 'veterinarian'],
  [/\b(lawyer|attorney|solicitor|barrister)\b/i, 'lawyer'],
  [/\baccountant\b/i, 'accountant'],
  [/\bfinancial (planner|adviser|advisor)\b|\bwealth\b/i, 'financial-planner'],
];

/** The fields a role names ("neuropsychologist" names psychology). */
function professionsInRole(role: string | null | undefined): Set<string> {
  return new Set(role ? ROLE_WORDS.filter(([pattern]) => pattern.test(role)).map(([, profession]) => profession) : []);
}

/** Look up each credential once, and choose between the meanings of the same letters by context. */
export function resolveCredentials(
  texts: readonly string[],
  index: CredentialIndex,
  context: CredentialContext = {},
): ResolvedCredential[] {
  const looked = texts.map((text) => ({ text, ...index.lookup(text) }));
  // The fields the expert's unambiguous credentials name (`RN` makes `FAAN` the nursing academy), then the role's.
  const fields: Fields = { credentials: new Set(), role: professionsInRole(context.role) };
  for (const { entries } of looked) {
    if (distinctMeanings(entries).length !== 1) continue;
    for (const profession of entries[0]!.professions) if (profession !== 'any') fields.credentials.add(profession);
  }
  return looked.map((credential) => ({ ...credential, entry: choose(credential, fields, context) }));
}

const baseMeaning = (entry: CredentialEntry) => entry.expansion.replace(/\s*\(.*?\)/g, '').toLowerCase();

/**
 * Entries of one abbreviation that say the same thing count once: the same
 * credential from two files, or one title in several countries ("Registered
 * Dietitian (Canada)").
 */
export function distinctMeanings(entries: readonly CredentialEntry[]): CredentialEntry[] {
  const seen = new Map<string, CredentialEntry>();
  for (const entry of entries) {
    const key = baseMeaning(entry);
    if (!seen.has(key)) seen.set(key, entry);
  }
  return [...seen.values()];
}

interface Fields {
  credentials: Set<string>;
  /** Weaker evidence: "Doctor of Nursing Practice" in a role names a doctor too. */
  role: Set<string>;
}

function choose(credential: { text: string; entries: CredentialEntry[] }, fields: Fields, context: CredentialContext) {
  const meaning = chooseMeaning(credential, fields, context);
  if (!meaning) return meaning;
  // One meaning issued in several states or countries: the entry of the expert's own, for its issuer and states.
  const same = credential.entries.filter((entry) => baseMeaning(entry) === baseMeaning(meaning));
  return (
    (context.region && same.find((entry) => entry.jurisdictions?.includes(context.region!))) ||
    (context.country && same.find((entry) => entry.countries.includes(context.country!))) ||
    meaning
  );
}

function chooseMeaning(credential: { text: string; entries: CredentialEntry[] }, fields: Fields, context: CredentialContext) {
  const meanings = distinctMeanings(credential.entries);
  if (meanings.length <= 1) return meanings[0];
  const chosen = context.expansions?.get(credentialKey(credential.text));
  if (chosen !== undefined) return meanings.find((entry) => entry.expansion === chosen);
  let candidates = meanings;
  if (context.country) {
    const issuedThere = (entry: CredentialEntry) => entry.countries.length === 0 || entry.countries.includes(context.country!);
    const local = candidates.filter((meaning) =>
      credential.entries.some((entry) => baseMeaning(entry) === baseMeaning(meaning) && issuedThere(entry)),
    );
    if (local.length > 0) candidates = local;
  }
  if (context.region) {
    // A state license the expert's state issues wins over the same letters elsewhere (LCSW in Delaware vs. Utah).
    const issued = candidates.filter((entry) => entry.kind !== 'state-license' || entry.jurisdictions?.includes(context.region!));
    if (issued.length > 0) candidates = issued;
  }
  if (candidates.length === 1) return candidates[0];
  /*
   * Meanings within one field are one credential for the reader: a license
   * titled "Clinical" in one state and "Certified" in another, or the CPA of
   * the US, Canada and Australia. The first listed is published.
   */
  const profile = (entry: CredentialEntry) => [...entry.professions].sort().join(',');
  if (new Set(candidates.map(profile)).size === 1) return candidates[0];
  // A degree every field prints (`any`) fits any field, so `MS` beside `RDN` is a Master of Science.
  const matches = (entry: CredentialEntry, set: Set<string>) =>
    entry.professions.filter((profession) => set.has(profession) || (profession === 'any' && set.size > 0)).length;
  const score = (entry: CredentialEntry) => 10 * matches(entry, fields.credentials) + matches(entry, fields.role);
  const best = Math.max(...candidates.map(score));
  const winners = candidates.filter((entry) => score(entry) === best);
  return best > 0 && winners.length === 1 ? winners[0] : undefined;
}

/**
 * Credentials printed without commas between them ("RD CSSD", the British
 * "MBBS MRCGP") as separate credentials, when each word is a known one.
 */
export function separateCredentials(list: readonly string[], index: CredentialIndex): string[] {
  return list.flatMap((text) => {
    const words = text.split(/\s+/);
    if (words.length < 2 || index.lookup(text).entries.length > 0) return [text];
    return words.every((word) => index.lookup(word).entries.length > 0) ? words : [text];
  });
}

/** More tied candidates than this and a credential is no typo of any one of them, just unknown. */
const MAX_SUGGESTIONS = 2;

/**
 * The known abbreviations an unknown credential is most likely a typo of: the
 * nearest ones, and among those the ones in `fields` (the expert's other
 * credentials'). All that stay tied are returned, so the editor is never
 * steered to one guess; none when more than two stay tied.
 */
export function suggestCredentials(text: string, index: CredentialIndex, fields: ReadonlySet<string> = new Set()): string[] {
  const near = index.nearest(text);
  const inField = near.filter((entries) => entries.some((entry) => entry.professions.some((profession) => fields.has(profession))));
  const suggested = [...new Set((inField.length > 0 ? inField : near).map((entries) => entries[0]!.abbr))];
  return suggested.length > MAX_SUGGESTIONS ? [] : suggested;
}

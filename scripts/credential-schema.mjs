// The contract of src/data/credentials/*.yaml: what every registry entry must
// say, checked when the registry is compiled (scripts/compile-credentials.mjs)
// and in the tests. Plain JavaScript so the build can run it before tsc.
import * as z from 'zod';

export const KINDS = ['academic-degree', 'state-license', 'national-certification', 'registration', 'fellowship', 'membership'];

/** The fields an expert works in; context disambiguation compares them. `any` is for degrees every field prints. */
export const PROFESSIONS = [
  'any',
  'physician',
  'nurse',
  'physician-assistant',
  'midwife',
  'psychologist',
  'counselor',
  'social-worker',
  'marriage-family-therapist',
  'addiction-counselor',
  'behavior-analyst',
  'creative-arts-therapist',
  'psychotherapist',
  'dietitian',
  'pharmacist',
  'physical-therapist',
  'occupational-therapist',
  'speech-language-pathologist',
  'audiologist',
  'dentist',
  'optometrist',
  'chiropractor',
  'podiatrist',
  'acupuncturist',
  'naturopath',
  'fitness-professional',
  'coach',
  'lactation-consultant',
  'genetic-counselor',
  'public-health',
  'athletic-trainer',
  'massage-therapist',
  'respiratory-therapist',
  'allied-health',
  'veterinarian',
  'educator',
  'researcher',
  'lawyer',
  'accountant',
  'financial-planner',
  'business',
  'human-resources',
  'engineer',
  'sexologist',
];

const httpsUrl = z.string().regex(/^https?:\/\/[^\s/]+\.[^\s]+$/, 'an http(s) URL');
const country = z.string().regex(/^[A-Z]{2}$/, 'an ISO 3166-1 alpha-2 code such as US, GB, CA');
const jurisdiction = z.string().regex(/^[A-Z]{2}-[A-Z0-9]{1,3}$/, 'an ISO 3166-2 code such as US-NY, US-DC, CA-ON');

// A description is not an organization: "state licensing board", "accredited university", "various".
const DESCRIPTIVE =
  /degree-granting|accredited (college|university|institution)|^(the )?state (licensing )?boards?\b|^various|^(a|an|each|any) |^licensing board|^n\/a$|^unknown|named in/i;

export const credentialEntry = z
  .strictObject({
    abbr: z.string().min(1).max(24),
    expansion: z.string().min(3),
    kind: z.enum(KINDS),
    issuer: z
      .string()
      .min(2)
      .refine((name) => !DESCRIPTIVE.test(name), 'an organization’s name, not a description'),
    issuerUrl: httpsUrl,
    source: httpsUrl,
    /** The source URL was seen in a public page or document (not recalled). */
    sourceSeen: z.boolean().optional(),
    countries: z.array(country).min(1),
    professions: z.array(z.enum(PROFESSIONS)).min(1),
    aliases: z.array(z.string().min(1)).optional(),
    /** state-license: the states (and DC, territories) that issue it. */
    jurisdictions: z.array(jurisdiction).min(1).optional(),
    /** state-license: each issuing state's board. */
    boards: z.record(jurisdiction, z.strictObject({ name: z.string().min(3), url: httpsUrl })).optional(),
    /** A lower tier of a license ladder (`associate`, `supervisor`…). */
    tier: z.string().optional(),
    notes: z.string().optional(),
  })
  .refine((entry) => entry.kind !== 'state-license' || (entry.jurisdictions?.length ?? 0) > 0, {
    message: 'a state-license lists the jurisdictions that issue it',
    path: ['jurisdictions'],
  });

export const credentialFile = z.strictObject({
  field: z.string().min(2),
  entries: z.array(credentialEntry).min(1),
});

/** src/data/compacts.yaml: interstate licensure compacts, the licenses they cover and their members. */
export const compactFile = z.strictObject({
  compacts: z.array(
    z.strictObject({
      name: z.string().min(3),
      url: httpsUrl,
      source: httpsUrl,
      professions: z.array(z.enum(PROFESSIONS)).min(1),
      licenses: z.array(z.string().min(1)),
      members: z.array(jurisdiction),
      privilegesIssued: z.boolean(),
      notes: z.string().optional(),
    }),
  ),
});

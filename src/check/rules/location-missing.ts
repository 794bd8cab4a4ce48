import type { Rule } from '../rule.js';

export const locationMissing: Rule = {
  id: 'location-missing',
  severity: 'info',
  description:
    'An expert without a location in a roundup where at least two thirds of the experts have one (an article that prints places only here and there is consistent). Always, and an error, when the config sets `locations.required: true`.',
  check({ experts, settings }, report) {
    const located = experts.filter((expert) => expert.model.location).length;
    if (!settings.locationsRequired && located * 3 < experts.length * 2) return;
    for (const expert of experts) {
      if (expert.model.location) continue;
      report({
        file: expert.file,
        span: expert.places.value(['location']),
        reason: 'Missing `location`, expected where the expert works, such as `Austin, Texas`',
        note: 'Add `location: City, Region`.',
      });
    }
  },
};

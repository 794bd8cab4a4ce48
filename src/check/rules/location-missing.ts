import type { Rule } from '../rule.js';

export const locationMissing: Rule = {
  id: 'location-missing',
  severity: 'warning',
  description: 'An expert without a location. An error when the config sets `locations.required: true`.',
  check({ experts }, report) {
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

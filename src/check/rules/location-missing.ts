import type { Rule } from '../rule.js';

export const locationMissing: Rule = {
  id: 'location-missing',
  severity: 'warning',
  description:
    'An expert without a location while other experts of the roundup have one (an article that prints no places is consistent). Always, and an error, when the config sets `locations.required: true`.',
  check({ experts, settings }, report) {
    if (!settings.locationsRequired && !experts.some((expert) => expert.model.location)) return;
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

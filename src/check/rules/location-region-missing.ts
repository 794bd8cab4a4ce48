import { apStandAloneCity, guessCityRegion } from '../../data/cities.js';
import { writeRegion } from '../../data/regions.js';
import type { Rule } from '../rule.js';

export const locationRegionMissing: Rule = {
  id: 'location-region-missing',
  severity: 'warning',
  description: 'A city without its state, province or country, unless the house style is AP and AP lets the city stand alone.',
  async check({ experts, settings }, report) {
    for (const expert of experts) {
      const location = expert.model.location;
      if (!location || location.region || location.country) continue;
      if (settings.locationStyle === 'ap' && apStandAloneCity(location.city)) continue;
      const guess = await guessCityRegion(location.city);
      const region = guess.region && writeRegion(guess.region, settings.locationStyle);
      const fixed = region && `${location.city}, ${region}`;
      const places = guess.regions.map((candidate) => candidate.name).sort();
      report({
        file: expert.file,
        span: expert.location!.span,
        reason: `Unexpected location \`${location.city}\` without a region, expected \`City, Region\`${fixed ? ` (add the ${guess.region!.kind}: \`${fixed}\`)` : ''}`,
        note: fixed
          ? `Write \`${fixed}\`.`
          : places.length > 1
            ? `There is a ${location.city} in ${places.join(', ')}: add the right one.`
            : 'Add the state, province or country.',
        expected: fixed ? [fixed] : [],
      });
    }
  },
};

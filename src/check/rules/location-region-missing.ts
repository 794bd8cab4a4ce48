import { apStandAloneCity, guessCityRegion } from '../../data/cities.js';
import { writeRegion } from '../../data/regions.js';
import type { Rule } from '../rule.js';

export const locationRegionMissing: Rule = {
  id: 'location-region-missing',
  severity: 'warning',
  description:
    'A city without its state, province or country. With no house style set: only where the article gives other cities their region, or the name is shared by places in several regions (“Fairview”); AP’s stand-alone cities (“Los Angeles”) may stand alone unless the article writes such a city with its region.',
  async check({ experts, settings }, report) {
    const configured = settings.locationStyleConfigured === true;
    // `Washington, D.C.` is the city's own form in every style: it says nothing of the article's convention.
    const withRegion = experts.filter(({ model, location }) => model.location?.region && !location?.resolved.region?.anyStyle);
    // With no house style set, a city AP lets stand alone may, unless the article writes such cities with their region.
    const apAllowed = configured
      ? settings.locationStyle === 'ap'
      : !withRegion.some(({ model }) => apStandAloneCity(model.location!.city));
    for (const expert of experts) {
      const location = expert.model.location;
      if (!location || location.region || location.country || expert.location?.resolved.alone) continue;
      if (apAllowed && apStandAloneCity(location.city)) continue;
      const guess = await guessCityRegion(location.city);
      // With no house style set, a bare city is a slip when the article gives the others their region, or when it names several places.
      if (!configured && withRegion.length === 0 && !guess.ambiguous) continue;
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
        // A city written as a string gains its region; a `{city: …}` mapping is left to the editor.
        fix:
          fixed && typeof expert.input.location === 'string'
            ? [{ path: ['location'], span: expert.location!.span, text: fixed }]
            : undefined,
      });
    }
  },
};

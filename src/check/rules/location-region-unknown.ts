import { nearestRegions } from '../../data/regions.js';
import type { Rule } from '../rule.js';

export const locationRegionUnknown: Rule = {
  id: 'location-region-unknown',
  severity: 'error',
  description: 'A region that is no real US state, Canadian province, Australian state or country (“Californa”).',
  check({ experts }, report) {
    for (const expert of experts) {
      const view = expert.location;
      const location = expert.model.location;
      if (!view || !location) continue;
      const { resolved } = view;
      const written = resolved.unknownCountry ? location.country : resolved.unknownRegion ? location.region : null;
      if (!written) continue;
      const near = nearestRegions(written);
      const span =
        resolved.unknownCountry && typeof expert.input.location === 'object'
          ? expert.places.value(['location', 'country'])
          : view.regionSpan;
      report({
        file: expert.file,
        span,
        reason: `Unexpected region \`${written}\`, expected a US state, a Canadian province, an Australian state or a country${near[0] ? `; did you mean \`${near[0]}\`?` : ''}`,
        note: near[0] ? `Write \`${near[0]}\`.` : 'Write the state, province or country in full, such as `Texas` or `Ontario`.',
        actual: written,
        expected: near,
      });
    }
  },
};

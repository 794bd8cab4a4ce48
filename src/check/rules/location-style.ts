import { writeRegion, type RegionStyle } from '../../data/regions.js';
import type { Rule } from '../rule.js';

const STYLE_NAMES: Record<RegionStyle, string> = { full: 'full names', ap: 'AP abbreviations', postal: 'postal codes' };
const WRITTEN_AS: Record<RegionStyle, string> = { full: 'full name', ap: 'AP abbreviation', postal: 'postal code' };

export const locationStyle: Rule = {
  id: 'location-style',
  severity: 'warning',
  description: 'A state or province written in another style than the house style (full names, AP abbreviations or postal codes).',
  check({ experts, settings }, report) {
    const house = settings.locationStyle;
    for (const expert of experts) {
      const resolved = expert.location?.resolved.region;
      const location = expert.model.location;
      if (!resolved || !location?.region || resolved.anyStyle || (resolved.region.kind !== 'state' && resolved.region.kind !== 'province'))
        continue;
      if (resolved.style === house || (house === 'ap' && resolved.alsoAp)) continue;
      const region = writeRegion(resolved.region, house);
      const at = location.display.lastIndexOf(location.region);
      const fixed = location.display.slice(0, at) + region + location.display.slice(at + location.region.length);
      report({
        file: expert.file,
        span: expert.location!.regionSpan,
        reason: `Unexpected ${WRITTEN_AS[resolved.style]} \`${location.region}\` in \`${location.display}\`, expected the house style (${STYLE_NAMES[house]}): \`${fixed}\``,
        note: `Write \`${region}\`.`,
        actual: location.region,
        expected: [fixed],
        fix: expert.location!.regionPath && [{ path: expert.location!.regionPath, span: expert.location!.regionSpan, text: region }],
      });
    }
  },
};

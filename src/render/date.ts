const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * `2020-03-04` → `March 4, 2020`. Done by hand rather than with Intl so the
 * output never depends on the machine's locale or ICU data.
 */
export function formatDate(isoDate: string): string {
  const [year, month, day] = isoDate.split('-').map(Number);
  const name = MONTHS[(month ?? 1) - 1];
  return name && day ? `${name} ${day}, ${year}` : isoDate;
}

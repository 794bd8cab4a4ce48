/** The built-in stylesheet: a readable single column that follows the reader's light or dark preference. */
export const STYLESHEET = `:root { color-scheme: light dark; --accent: #0b6e6e; --muted: #5a6270; }
@media (prefers-color-scheme: dark) { :root { --accent: #6fd3d3; --muted: #a4acb9; } }
* { box-sizing: border-box; }
body { margin: 0; font: 1.125rem/1.65 Georgia, "Iowan Old Style", "Times New Roman", serif; }
main { max-width: 42rem; margin: 0 auto; padding: 2rem 1.25rem 4rem; }
h1, h2, h3 { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; line-height: 1.25; }
h1 { font-size: 2rem; margin: 0 0 1rem; }
h2 { font-size: 1.3rem; margin: 2.5rem 0 0.25rem; }
.column, .byline, .expert-meta, .closing { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; font-size: 0.95rem; color: var(--muted); }
.column strong { color: var(--accent); }
.expert-meta { margin-top: 0; }
a { color: var(--accent); }
.dek { font-size: 1.2rem; margin: -0.5rem 0 1rem; }
.question { border-left: 3px solid var(--accent); padding-left: 1rem; }
figure { margin: 1.5rem 0; }
img { max-width: 100%; height: auto; }
figcaption { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; font-size: 0.85rem; color: var(--muted); }
.photo img { border-radius: 50%; }
footer { margin-top: 3rem; border-top: 1px solid color-mix(in srgb, currentColor 20%, transparent); padding-top: 1rem; }
`;

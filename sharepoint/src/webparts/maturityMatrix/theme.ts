// The SharePoint theme's colours, where they keep the NHS.UK contrast rules. The element reads
// its colours from CSS custom properties (www/src/maturity-matrix.css); this decides which of the
// theme's colours it may take. A colour that would make any text the widget draws with it fall
// below 4.5:1 (WCAG 1.4.3, which the NHS.UK service manual requires) is left out, and the
// widget keeps its own NHS.UK colour for that role.

/** The part of SharePoint's theme (IReadonlyTheme) read here. */
export interface IThemeColours {
  palette?: { themePrimary?: string };
  semanticColors?: {
    bodyBackground?: string;
    bodyText?: string;
    bodySubtext?: string;
    bodyDivider?: string;
  };
}

/** The widget's own colours (NHS.UK), as in maturity-matrix.css. */
export const DEFAULTS = {
  primary: "#005eb8",
  text: "#212b32",
  secondaryText: "#4c6272",
  background: "#ffffff",
};

/** Backgrounds the widget always draws in its own colours, whatever the theme, that text in a
 * theme colour sits on: its panels, tags and warnings (every text colour). The heat map's shades
 * carry fixed text colours of their own (black on the lightest, white on the rest), so no theme
 * colour is drawn on them. */
export const FIXED_SURFACES: { panels: string[]; heat: string[] } = {
  panels: ["#f0f4f5", "#e8f1f8", "#fff9c4"],
  heat: [],
};

/** Text and the colours drawn as text (links, the primary colour's buttons and tags). */
export const MINIMUM_CONTRAST = 4.5;

/** The custom properties to set on the element: only those whose theme colour passes. */
export function themeProperties(theme: IThemeColours | undefined): Record<string, string> {
  const chosen: Record<string, string> = {};
  if (!theme) return chosen;
  const semantic = theme.semanticColors || {};

  // The background is taken only if every default text colour still reads on it: a text
  // colour the theme cannot supply falls back to its default, which must then pass too.
  const background = parseColour(semantic.bodyBackground);
  const defaults = [DEFAULTS.text, DEFAULTS.secondaryText, DEFAULTS.primary].map((c) => parseColour(c) as Rgb);
  let surface = parseColour(DEFAULTS.background) as Rgb;
  if (background && defaults.every((c) => contrast(c, background) >= MINIMUM_CONTRAST)) {
    surface = background;
    chosen["--maturity-matrix-background"] = hex(background);
  }
  const panels = [surface].concat(FIXED_SURFACES.panels.map((c) => parseColour(c) as Rgb));
  const everywhere = panels.concat(FIXED_SURFACES.heat.map((c) => parseColour(c) as Rgb));

  const textRoles: Array<[string, string | undefined, Rgb[]]> = [
    ["--maturity-matrix-text", semantic.bodyText, everywhere],
    ["--maturity-matrix-secondary-text", semantic.bodySubtext, panels],
    ["--maturity-matrix-primary", theme.palette && theme.palette.themePrimary, panels],
  ];
  for (const [property, value, surfaces] of textRoles) {
    const colour = parseColour(value);
    if (colour && surfaces.every((s) => contrast(colour, s) >= MINIMUM_CONTRAST)) chosen[property] = hex(colour);
  }
  // Dividers and table rules are decoration (the default is 1.4:1 on white): any solid colour.
  const divider = parseColour(semantic.bodyDivider);
  if (divider) chosen["--maturity-matrix-border"] = hex(divider);
  return chosen;
}

export type Rgb = [number, number, number];

/** `#rgb`, `#rrggbb` or an opaque `rgb()`/`rgba()`; anything else (named, transparent,
 * translucent) cannot be measured against what lies beneath it, so it is not taken. */
export function parseColour(value: string | undefined): Rgb | undefined {
  if (!value) return undefined;
  const text = value.trim().toLowerCase();
  let match = /^#([0-9a-f]{3})$/.exec(text);
  if (match) return [0, 1, 2].map((i) => parseInt(match![1][i] + match![1][i], 16)) as Rgb;
  match = /^#([0-9a-f]{6})$/.exec(text);
  if (match) return [0, 2, 4].map((i) => parseInt(match![1].slice(i, i + 2), 16)) as Rgb;
  match = /^rgba?\(\s*(\d{1,3})\s*,\s*(\d{1,3})\s*,\s*(\d{1,3})\s*(?:,\s*([\d.]+)\s*)?\)$/.exec(text);
  if (match && (match[4] === undefined || Number(match[4]) === 1)) {
    const rgb = [match[1], match[2], match[3]].map(Number);
    if (rgb.every((n) => n <= 255)) return rgb as Rgb;
  }
  return undefined;
}

/** WCAG 2 relative luminance. */
export function luminance([r, g, b]: Rgb): number {
  const linear = (channel: number): number => {
    const c = channel / 255;
    return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
  };
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

/** WCAG 2 contrast ratio, from 1 to 21. */
export function contrast(a: Rgb, b: Rgb): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}

function hex(colour: Rgb): string {
  return "#" + colour.map((n) => (n < 16 ? "0" : "") + n.toString(16)).join("");
}

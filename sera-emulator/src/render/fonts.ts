import { createRequire } from "node:module";
import { dirname, join } from "node:path";

const require = createRequire(import.meta.url);
const fontDir = join(dirname(require.resolve("dejavu-fonts-ttf/package.json")), "ttf");

/** DejaVu Sans ships inside an npm package, so labels render the same on a machine without system fonts. */
export const FONT_REGULAR = join(fontDir, "DejaVuSans.ttf");
export const FONT_BOLD = join(fontDir, "DejaVuSans-Bold.ttf");
export const FONT_FAMILY = "DejaVu Sans";

import bwipjs from "bwip-js";

function options(symbology: "gs1-128" | "code128", data: string) {
  return { bcid: symbology, text: data, scale: 3, height: 18, includetext: false, parsefnc: symbology === "code128" } as const;
}

export async function barcodePng(symbology: "gs1-128" | "code128", data: string): Promise<Buffer> {
  return bwipjs.toBuffer(options(symbology, data));
}

/** SVG of the bars sized to the given box, for embedding in the SVG page that becomes the PNG label. */
export function barcodeSvg(symbology: "gs1-128" | "code128", data: string, x: number, y: number, w: number, h: number): string {
  const svg = bwipjs.toSVG(options(symbology, data));
  return svg.replace("<svg ", `<svg x="${x}" y="${y}" width="${w}" height="${h}" preserveAspectRatio="none" `);
}

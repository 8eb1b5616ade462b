import { describe, expect, it } from "vitest";
import { sniffProductImage } from "./product-images";

const hex = (h: string) => Buffer.from(h, "hex");

describe("sniffProductImage", () => {
  it("names the raster formats by their signatures", () => {
    expect(sniffProductImage(hex("89504e470d0a1a0a0000"))).toBe("image/png");
    expect(sniffProductImage(hex("ffd8ffe000104a464946"))).toBe("image/jpeg");
    expect(sniffProductImage(Buffer.from("GIF89a\x01\x00"))).toBe("image/gif");
    expect(sniffProductImage(Buffer.from("RIFF\x10\x00\x00\x00WEBPVP8 "))).toBe("image/webp");
    expect(sniffProductImage(Buffer.from("\x00\x00\x00\x1cftypavif"))).toBe("image/avif");
  });

  it("answers nothing for SVG, HTML, PDF or a truncated signature", () => {
    expect(sniffProductImage(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeUndefined();
    expect(sniffProductImage(Buffer.from('<?xml version="1.0"?><svg/>'))).toBeUndefined();
    expect(sniffProductImage(Buffer.from("<html><script></script></html>"))).toBeUndefined();
    expect(sniffProductImage(Buffer.from("%PDF-1.7"))).toBeUndefined();
    expect(sniffProductImage(hex("89504e47"))).toBeUndefined();
  });
});

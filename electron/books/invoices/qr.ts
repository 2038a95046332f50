
/**
 * Render an EPC payment payload (see shared/rules/epcQr.ts) as a PNG.
 * EPC069-12 asks for error-correction level M. The payload goes in as one byte segment of UTF-8
 * (character set "1" in the payload), so no decoder has to guess an encoding.
 */
export async function epcQrPng(payload: string, opts: { scale?: number } = {}): Promise<Buffer> {
  // Loaded on first use: every `kassa` call would otherwise pay for it at start-up.
  const QRCode = require('qrcode') as typeof import('qrcode');
  return QRCode.toBuffer([{ mode: 'byte', data: Buffer.from(payload, 'utf8') }], {
    type: 'png',
    errorCorrectionLevel: 'M',
    margin: 4,
    scale: opts.scale ?? 6,
  });
}

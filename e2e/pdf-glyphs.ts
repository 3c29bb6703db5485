import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const RESOLUTION = 144;
const GRID = 12;

/** Reads a binary PGM (P5) image: width, height and one byte of grey per pixel. */
function readPgm(file: string): { width: number; height: number; pixels: Buffer } {
  const data = fs.readFileSync(file);
  const header = data.subarray(0, 64).toString('latin1').match(/^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/);
  if (!header) throw new Error(`${file} is not a binary PGM`);
  return { width: Number(header[1]), height: Number(header[2]), pixels: data.subarray(header[0].length) };
}

/** Where pdftotext finds each word on page 1, in points. */
function wordBoxes(pdf: string): { word: string; x: number; y: number; w: number; h: number }[] {
  const html = execFileSync('pdftotext', ['-bbox', '-f', '1', '-l', '1', pdf, '-'], { encoding: 'utf8' });
  return [...html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]+)<\/word>/g)].map((m) => ({
    word: m[5]!,
    x: Number(m[1]),
    y: Number(m[2]),
    w: Number(m[3]) - Number(m[1]),
    h: Number(m[4]) - Number(m[2]),
  }));
}

/**
 * A word as rendered on page 1 (pdftoppm), reduced to a GRID×GRID map of ink: the share of dark
 * pixels in each cell. Missing glyphs render as identical boxes (or nothing), real ones do not.
 */
export function inkOfWord(pdf: string, word: string, dir: string): number[] {
  const box = wordBoxes(pdf).find((b) => b.word === word);
  if (!box) throw new Error(`"${word}" is not on page 1`);
  const k = RESOLUTION / 72;
  const out = path.join(dir, `word-${Buffer.from(word).toString('hex')}`);
  execFileSync('pdftoppm', ['-f', '1', '-l', '1', '-r', String(RESOLUTION), '-gray', '-singlefile', '-x', String(Math.floor(box.x * k)), '-y', String(Math.floor(box.y * k)), '-W', String(Math.ceil(box.w * k)), '-H', String(Math.ceil(box.h * k)), pdf, out]);
  const { width, height, pixels } = readPgm(`${out}.pgm`);
  const grid = new Array<number>(GRID * GRID).fill(0);
  const cells = new Array<number>(GRID * GRID).fill(0);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const cell = Math.min(GRID - 1, Math.floor((y / height) * GRID)) * GRID + Math.min(GRID - 1, Math.floor((x / width) * GRID));
      cells[cell]! += 1;
      if (pixels[y * width + x]! < 128) grid[cell]! += 1;
    }
  }
  return grid.map((n, i) => (cells[i] ? n / cells[i]! : 0));
}

/** Mean absolute difference of two ink maps (0: the same picture). */
export const inkDistance = (a: number[], b: number[]) => a.reduce((sum, v, i) => sum + Math.abs(v - b[i]!), 0) / a.length;
export const inkShare = (a: number[]) => a.reduce((s, v) => s + v, 0) / a.length;

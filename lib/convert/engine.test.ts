import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as OpenCC from 'opencc-js';
import { ConversionEngine } from './engine';
import type { EnginePreset } from './targets';

const engine = new ConversionEngine();

// The engine loads only the dictionaries it needs; its output must equal full opencc-js.
const REFERENCE: Record<Exclude<EnginePreset, 't2tw' | 't2hk' | 't2twp'>, { from: string; to: string }> = {
  cn2tw: { from: 'cn', to: 'tw' },
  cn2hk: { from: 'cn', to: 'hk' },
  cn2twp: { from: 'cn', to: 'twp' },
  tw2cn: { from: 'tw', to: 'cn' },
};

const SEEDS = path.resolve(__dirname, '../../tests/fixtures/seeds');
const seed = (name: string) => readFileSync(path.join(SEEDS, name), 'utf8');

const SENTENCES = [
  seed('003_29900545c6a00a71.txt'),
  seed('002_2e0490dc36b0060a.txt'),
  '推进满洲里、二连浩特等口岸建设,干部群众头发理发,以后皇后',
  '深入贯彻落实习近平总书记对内蒙古系列重要讲话重要指示精神,着力推动高质量发展',
  '经济运行总体平稳,优化营商环境,重大项目建设',
  '內(nèi)蒙古:加快大型風(fēng)光基地和源網(wǎng)荷儲(chǔ)、風(fēng)光制氫等場景項(xiàng)目建設(shè)',
];

describe('ConversionEngine', () => {
  it.each(Object.entries(REFERENCE))(
    '%s equals opencc-js Converter(%j) on whole seeds',
    async (preset, options) => {
      const reference = OpenCC.Converter(options as OpenCC.ConverterOptions);
      const out = await engine.convertAll(preset as EnginePreset, SENTENCES);
      expect(out).toEqual(SENTENCES.map((s) => reference(s)));
    },
  );

  it.each([
    ['cn2tw', '经济运行', '經濟運行'],
    ['cn2twp', '经济运行', '經濟執行'],
    ['cn2hk', '着力推动', '着力推動'],
    ['t2tw', '着力推動', '著力推動'],
    ['t2hk', '著力推動', '着力推動'],
    ['t2tw', '著力推動', '著力推動'],
    ['tw2cn', '內蒙古發展', '内蒙古发展'],
    // A 繁體 reprint that kept the simplified magnitude words: the variant pass converts them too.
    ['t2tw', '城鎮新增就業18万人,糧食產量穩定在1.3万亿斤', '城鎮新增就業18萬人,糧食產量穩定在1.3萬億斤'],
    ['t2hk', '新增就業18万人', '新增就業18萬人'],
  ] as const)('%s: %s → %s', async (preset, text, expected) => {
    expect(await engine.convertAll(preset, [text])).toEqual([expected]);
  });
});
